// Opt-in runtime validation against the bundled spec, with the same Ajv2020 rules the tests use
// (src/spec-validator.ts):
// - `validateResponses: true`: every response body is checked against the operation's response schema.
//   openapi-fetch's types trust the server; this checks it, so contract drift fails loudly at the first call;
// - `validateRequests: true`: every request's path and query parameters and body are checked before it is sent,
//   catching what the types cannot (unknown properties, `if`/`then` rules such as a US address without `state`).
// Validation takes time linear in the body (SpecValidator.validateBounded) and lists at most MAX_LISTED_ISSUES
// issues, with a count of the rest.
import { readBody } from './response-json.js';
import type { BoundedIssues, SchemaIssue } from './schema-issues.js';
import { documentedResponse, escapePointerSegment, findOperation, type SpecDocument } from './spec-document.js';
import type { SpecValidator } from './spec-validator.js';

/** The issues as an error message lists them, with the count of those not listed. */
function describeIssues(issues: readonly SchemaIssue[], more: number, unexamined: number, whole: string): string {
  const listed = issues.map((i) => `${i.path === '' ? `(${whole})` : i.path} ${i.message}`).join('; ');
  const rest = more > 0 ? `; and ${more} more issue${more === 1 ? '' : 's'}` : '';
  const skipped =
    unexamined > 0
      ? ` (${unexamined} array item${unexamined === 1 ? '' : 's'} past the first of each array not examined for further issues)`
      : '';
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
    super(
      `${operation} answered HTTP ${status} with a body that does not match the spec: ${describeIssues(issues, more, unexamined, 'body')}`,
    );
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
    super(
      `${operation}: the request does not match the spec and was not sent: ${describeIssues(issues, more, unexamined, 'request')}`,
    );
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
  if (!findOperation(spec, method, pathTemplate))
    return single(`${method.toUpperCase()} ${pathTemplate} is not an operation of the ${api} spec`);
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
export async function checkResponse(
  spec: SpecDocument,
  api: string,
  method: string,
  pathTemplate: string,
  response: Response,
): Promise<SchemaIssue[]> {
  return (await checkResponseBounded(spec, api, method, pathTemplate, response)).issues;
}
