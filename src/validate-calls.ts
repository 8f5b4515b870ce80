// The clients' opt-in validation middleware, with the validators compiled at build time (compiled-validator.ts).
// Loaded with `import()` on the first validated call (client-assembly.ts), so a client that does not validate never
// loads it.
import type { Middleware } from 'openapi-fetch';
import type { CompiledValidator } from './compiled-validator.js';
import { noRedaction, type Redactor } from './redaction.js';
import { answerOf, readBody } from './response-json.js';
import { documentedContent, operationName, operationOf, type RuntimeSpec } from './runtime-spec.js';
import { type BoundedIssues, MAX_LISTED_ISSUES, pointerSegment, type SchemaIssue } from './schema-issues.js';
import { RequestValidationError, ResponseValidationError } from './validation-errors.js';

// Each issue's path and message are bounded too: a server's property names are quoted in Ajv's messages.
const MAX_ISSUE_TEXT = 200;
const bound = (text: string) => (text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT)}…` : text);
const single = (message: string, path = ''): BoundedIssues => ({ issues: [{ path, message }], more: 0, unexamined: 0 });
const NONE: BoundedIssues = { issues: [], more: 0, unexamined: 0 };

/** The mismatches of one response by the compiled validators; no issue when it matches. */
async function checkCompiled(
  spec: RuntimeSpec,
  validator: CompiledValidator,
  method: string,
  pathTemplate: string,
  response: Response,
): Promise<BoundedIssues> {
  if (!operationOf(spec, method, pathTemplate))
    return single(`${method.toUpperCase()} ${pathTemplate} is not an operation of the ${spec.api} spec`);
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
export function responseValidationMiddleware(
  spec: RuntimeSpec,
  validator: CompiledValidator,
  redactor: Redactor = noRedaction,
): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      // The body first: when it broke off and a later attempt answered, that answer is the one judged and passed on.
      const answer = await answerOf(response);
      const found = await checkCompiled(spec, validator, request.method, schemaPath, answer);
      if (found.issues.length === 0) return answer === response ? undefined : answer;
      // Ajv quotes schema facts and property names, not values; redacting anyway costs little.
      throw new ResponseValidationError(
        operationName(spec, request.method, schemaPath),
        answer.status,
        redactIssues(found.issues, redactor),
        found,
      );
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
      if (given[name] !== undefined && !declared.some((p) => p.name === name))
        found.push(single('is not a parameter of this operation', `/${where}/${pointerSegment(name)}`));
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
export function requestValidationMiddleware(
  spec: RuntimeSpec,
  validator: CompiledValidator,
  redactor: Redactor = noRedaction,
): Middleware {
  return {
    async onRequest({ request, schemaPath, params }) {
      const found = await checkRequest(spec, validator, request.method, schemaPath, params as Params, request);
      if (found.issues.length === 0) return undefined;
      throw new RequestValidationError(
        operationName(spec, request.method, schemaPath),
        redactIssues(found.issues, redactor),
        found,
      );
    },
  };
}
