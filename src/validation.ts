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
import { RequestValidationError, ResponseValidationError } from './validation-errors.js';

export { RequestValidationError, ResponseValidationError };

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
