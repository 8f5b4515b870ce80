// Opt-in runtime validation against the bundled spec, with the same Ajv2020 rules the tests use
// (src/spec-validator.ts):
// - `validateResponses: true`: every response body is checked against the operation's response schema.
//   openapi-fetch's types trust the server; this checks it, so contract drift fails loudly at the first call;
// - `validateRequests: true`: every request's path and query parameters and body are checked before it is sent,
//   catching what the types cannot (unknown properties, `if`/`then` rules such as a US address without `state`).
// Validation takes time linear in the body (SpecValidator.validateBounded) and lists at most MAX_LISTED_ISSUES
// issues, with a count of the rest.
import type { Middleware } from 'openapi-fetch';
import type { CompiledValidator } from './compiled-validator.js';
import { noRedaction, type Redactor } from './redaction.js';
import { readBody } from './response-json.js';
import { documentedContent, operationName, operationOf, type RuntimeSpec } from './runtime-spec.js';
import { MAX_LISTED_ISSUES, pointerSegment, type BoundedIssues, type SchemaIssue } from './schema-issues.js';
import type { SpecValidator } from './spec-validator.js';
import { documentedResponse, escapePointerSegment, findOperation, type SpecDocument } from './spec-document.js';

// Each issue's path and message are bounded too: a server's property names are quoted in Ajv's messages.
const MAX_ISSUE_TEXT = 200;
const bound = (text: string) => (text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT)}…` : text);

/** The issues as an error message lists them, with the count of those not listed. */
function describeIssues(issues: readonly SchemaIssue[], more: number, unexamined: number, whole: string): string {
  const listed = issues.map((i) => `${i.path === '' ? `(${whole})` : i.path} ${i.message}`).join('; ');
  const rest = more > 0 ? `; and ${more} more issue${more === 1 ? '' : 's'}` : '';
  const skipped = unexamined > 0 ? ` (${unexamined} array item${unexamined === 1 ? '' : 's'} past the first of each array not examined for further issues)` : '';
  return `${listed}${rest}${skipped}`;
}

/**
 * A response did not match the bundled spec. Names the operation, the status and each failing JSON path; lists at
 * most 20 issues (`issues`), with `more` the count of further issues found and `unexamined` the array items that
 * were not examined once the first issue was known (validation stays linear in the size of the body).
 */
export class ResponseValidationError extends Error {
  override readonly name = 'ResponseValidationError';
  /** Further issues found and not listed in `issues`. */
  readonly more: number;
  /** Array items not examined for further issues (beyond the first 10 of each array). */
  readonly unexamined: number;
  constructor(
    readonly operation: string,
    readonly status: number,
    /** Each mismatch: `path` is a JSON pointer into the body ("" for the body itself). */
    readonly issues: readonly SchemaIssue[],
    counts: { more?: number; unexamined?: number } = {},
  ) {
    const more = counts.more ?? 0;
    const unexamined = counts.unexamined ?? 0;
    super(`${operation} answered HTTP ${status} with a body that does not match the spec: ${describeIssues(issues, more, unexamined, 'body')}`);
    this.more = more;
    this.unexamined = unexamined;
  }
}

/**
 * A request broke the bundled spec (`validateRequests: true`), so it was not sent. Each issue's `path` is a JSON
 * pointer into the call's arguments: `/body/address/state`, `/query/page/limit`, `/path/id`; at most 20 are listed,
 * `more` counts the rest.
 * @example catch (err) { if (err instanceof RequestValidationError) console.error(err.issues.map((i) => i.path)) }
 */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  readonly more: number;
  readonly unexamined: number;
  constructor(
    readonly operation: string,
    readonly issues: readonly SchemaIssue[],
    counts: { more?: number; unexamined?: number } = {},
  ) {
    const more = counts.more ?? 0;
    const unexamined = counts.unexamined ?? 0;
    super(`${operation}: the request does not match the spec and was not sent: ${describeIssues(issues, more, unexamined, 'request')}`);
    this.more = more;
    this.unexamined = unexamined;
  }
}

// The clients validate with validators compiled at build time (compiled-validator.ts). checkResponse, below, judges
// a response by the bundled document itself with the Ajv compiler, for the sandbox's tests; Ajv is imported on its
// first use only.
let validatorModule: Promise<typeof import('./validator-cache.js')> | undefined;
async function validatorFor(spec: SpecDocument, api: string): Promise<SpecValidator> {
  // Imported once per process, not per response.
  validatorModule ??= import('./validator-cache.js');
  return (await validatorModule).validatorFor(spec, api);
}

const single = (message: string, path = ''): BoundedIssues => ({ issues: [{ path, message }], more: 0, unexamined: 0 });
const NONE: BoundedIssues = { issues: [], more: 0, unexamined: 0 };

/** The mismatches of one response (at most MAX_LISTED_ISSUES, with counts of the rest); no issue when it matches. */
export async function checkResponseBounded(
  spec: SpecDocument,
  api: string,
  method: string,
  pathTemplate: string,
  response: Response,
): Promise<BoundedIssues> {
  if (!findOperation(spec, method, pathTemplate)) return single(`${method.toUpperCase()} ${pathTemplate} is not an operation of the ${api} spec`);
  const documented = documentedResponse(spec, method, pathTemplate, response.status);
  if (!documented) return single(`status ${response.status} is not documented for this operation`);
  const declared = documented.value;
  const { text, json, value } = await readBody(response);
  const mediaTypes = Object.keys(declared.content ?? {});
  if (mediaTypes.length === 0) {
    return text === '' ? NONE : single('the spec documents no body for this status, but one was sent');
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const mediaType = mediaTypes.find((m) => m.toLowerCase() === contentType);
  if (!mediaType) {
    const sent = contentType === '' ? 'no content-type' : `content-type "${contentType}"`;
    return single(`${sent} is not one the spec documents (${mediaTypes.join(', ')})`);
  }
  if (!mediaType.endsWith('json')) return NONE;
  if (!json) return single('is not valid JSON');
  const pointer = `${documented.pointer}/content/${escapePointerSegment(mediaType)}/schema`;
  return (await validatorFor(spec, api)).validateBounded(pointer, value);
}

/** The mismatches of one response; an empty list when it matches. */
export async function checkResponse(spec: SpecDocument, api: string, method: string, pathTemplate: string, response: Response): Promise<SchemaIssue[]> {
  return (await checkResponseBounded(spec, api, method, pathTemplate, response)).issues;
}


/** The mismatches of one response by the compiled validators; no issue when it matches. */
async function checkCompiled(spec: RuntimeSpec, validator: CompiledValidator, method: string, pathTemplate: string, response: Response): Promise<BoundedIssues> {
  if (!operationOf(spec, method, pathTemplate)) return single(`${method.toUpperCase()} ${pathTemplate} is not an operation of the ${spec.api} spec`);
  const content = documentedContent(spec, method, pathTemplate, response.status);
  if (!content) return single(`status ${response.status} is not documented for this operation`);
  const mediaTypes = Object.keys(content);
  const { text, json, value } = await readBody(response);
  if (mediaTypes.length === 0) {
    return text === '' ? NONE : single('the spec documents no body for this status, but one was sent');
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const mediaType = mediaTypes.find((m) => m.toLowerCase() === contentType);
  if (!mediaType) {
    const sent = contentType === '' ? 'no content-type' : `content-type "${contentType}"`;
    return single(`${sent} is not one the spec documents (${mediaTypes.join(', ')})`);
  }
  const key = content[mediaType];
  if (!mediaType.endsWith('json') || !key) return NONE;
  if (!json) return single('is not valid JSON');
  return validator.validateBounded(key, value);
}

const redactIssues = (issues: readonly SchemaIssue[], redactor: Redactor) =>
  issues.map((i) => ({ path: bound(redactor.text(i.path)), message: bound(redactor.text(i.message)) }));

/** openapi-fetch middleware: throws ResponseValidationError from the call whose response does not match. */
export function responseValidationMiddleware(spec: RuntimeSpec, validator: CompiledValidator, redactor: Redactor = noRedaction): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const found = await checkCompiled(spec, validator, request.method, schemaPath, response);
      if (found.issues.length === 0) return;
      // Ajv quotes schema facts and property names, not values; redacting anyway costs little.
      throw new ResponseValidationError(operationName(spec, request.method, schemaPath), response.status, redactIssues(found.issues, redactor), found);
    },
  };
}

type Params = { path?: Record<string, unknown>; query?: Record<string, unknown> } | undefined;

/** The mismatches of one request's parameters and body (at most MAX_LISTED_ISSUES in all). */
async function checkRequest(
  spec: RuntimeSpec,
  validator: CompiledValidator,
  method: string,
  pathTemplate: string,
  params: Params,
  request: Request,
): Promise<BoundedIssues> {
  const operation = operationOf(spec, method, pathTemplate);
  if (!operation) return single(`${method.toUpperCase()} ${pathTemplate} is not an operation of the ${spec.api} spec`);
  const found: BoundedIssues[] = [];
  for (const where of ['path', 'query'] as const) {
    const given = params?.[where] ?? {};
    const declared = operation.parameters.filter((p) => p.in === where);
    for (const name of Object.keys(given)) {
      if (given[name] !== undefined && !declared.some((p) => p.name === name)) found.push(single('is not a parameter of this operation', `/${where}/${pointerSegment(name)}`));
    }
    for (const p of declared) {
      const at = `/${where}/${pointerSegment(p.name)}`;
      const value = given[p.name];
      if (value === undefined) {
        if (p.required) found.push(single('is required', at));
        continue;
      }
      const result = await validator.validateBounded(p.schema, value);
      found.push({ ...result, issues: result.issues.map((i) => ({ ...i, path: `${at}${i.path}` })) });
    }
  }
  const requestBody = operation.requestBody;
  const text = request.body ? await request.clone().text() : '';
  if (requestBody) {
    if (text === '') {
      if (requestBody.required) found.push(single('is required', '/body'));
    } else if (requestBody.schema) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        found.push(single('is not JSON', '/body'));
      }
      if (body !== undefined) {
        const result = await validator.validateBounded(requestBody.schema, body);
        found.push({ ...result, issues: result.issues.map((i) => ({ ...i, path: `/body${i.path}` })) });
      }
    }
  } else if (text !== '') {
    found.push(single('the operation takes no body', '/body'));
  }
  const issues = found.flatMap((f) => f.issues);
  return {
    issues: issues.slice(0, MAX_LISTED_ISSUES),
    more: Math.max(0, issues.length - MAX_LISTED_ISSUES) + found.reduce((n, f) => n + f.more, 0),
    unexamined: found.reduce((n, f) => n + f.unexamined, 0),
  };
}

/** openapi-fetch middleware: throws RequestValidationError, before anything is sent, for a request that breaks the spec. */
export function requestValidationMiddleware(spec: RuntimeSpec, validator: CompiledValidator, redactor: Redactor = noRedaction): Middleware {
  return {
    async onRequest({ request, schemaPath, params }) {
      const found = await checkRequest(spec, validator, request.method, schemaPath, params as Params, request);
      if (found.issues.length === 0) return undefined;
      throw new RequestValidationError(operationName(spec, request.method, schemaPath), redactIssues(found.issues, redactor), found);
    },
  };
}
