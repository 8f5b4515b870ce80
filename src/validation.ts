// Opt-in runtime validation (`validateResponses: true`): every response body is checked against the operation's
// response schema in the bundled spec, with the same Ajv2020 rules the tests use (src/spec-validator.ts).
// openapi-fetch's types trust the server; this checks it, so contract drift fails loudly at the first call.
import type { Middleware } from 'openapi-fetch';
import type { SchemaIssue, SpecValidator } from './spec-validator.js';
import { noRedaction, type Redactor } from './redaction.js';
import { escapePointerSegment, findOperation, operationName, resolveLocalRef, type SpecDocument, type SpecResponse } from './spec-document.js';

/** A response did not match the bundled spec. Names the operation, the status and each failing JSON path. */
export class ResponseValidationError extends Error {
  override readonly name = 'ResponseValidationError';
  constructor(
    readonly operation: string,
    readonly status: number,
    /** Each mismatch: `path` is a JSON pointer into the body ("" for the body itself). */
    readonly issues: readonly SchemaIssue[],
  ) {
    const listed = issues.map((i) => `${i.path === '' ? '(body)' : i.path} ${i.message}`).join('; ');
    super(`${operation} answered HTTP ${status} with a body that does not match the spec: ${listed}`);
  }
}

// Ajv (~120 kB) is imported here on the first validated response, so `@kyc-contracts/sdk/identity` never loads it for
// callers who do not opt in. `@kyc-contracts/sdk/portabl` does load Ajv's module at import: its decodeInvitation is
// synchronous and checks the invitation against the spec's schema, and ESM has no synchronous lazy import. What
// costs time, compiling the spec's schemas, still happens only on first use (validator-cache.ts).
async function validatorFor(spec: SpecDocument, api: string): Promise<SpecValidator> {
  return (await import('./validator-cache.js')).validatorFor(spec, api);
}

/**
 * The documented response for a status (exact code, then its class "4XX", then "default"), with the JSON
 * pointer it lives at once local $refs are followed.
 */
function documentedResponse(
  spec: SpecDocument,
  operationPointer: string,
  responses: Record<string, unknown>,
  status: number,
): { value: SpecResponse; pointer: string } | undefined {
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    if (responses[key] !== undefined) {
      return resolveLocalRef<SpecResponse>(spec, responses[key], `${operationPointer}/responses/${escapePointerSegment(key)}`);
    }
  }
  return undefined;
}

const issue = (message: string): SchemaIssue[] => [{ path: '', message }];

/** The mismatches of one response; an empty list when it matches. */
export async function checkResponse(
  spec: SpecDocument,
  api: string,
  method: string,
  pathTemplate: string,
  response: Response,
): Promise<SchemaIssue[]> {
  const operation = findOperation(spec, method, pathTemplate);
  if (!operation) return issue(`${method.toUpperCase()} ${pathTemplate} is not an operation of the ${api} spec`);
  const operationPointer = `#/paths/${escapePointerSegment(pathTemplate)}/${method.toLowerCase()}`;
  const documented = documentedResponse(spec, operationPointer, operation.responses ?? {}, response.status);
  if (!documented) return issue(`status ${response.status} is not documented for this operation`);
  const declared = documented.value;
  const text = await response.clone().text();
  const mediaTypes = Object.keys(declared.content ?? {});
  if (mediaTypes.length === 0) {
    return text === '' ? [] : issue('the spec documents no body for this status, but one was sent');
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const mediaType = mediaTypes.find((m) => m.toLowerCase() === contentType);
  if (!mediaType) {
    const sent = contentType === '' ? 'no content-type' : `content-type "${contentType}"`;
    return issue(`${sent} is not one the spec documents (${mediaTypes.join(', ')})`);
  }
  if (!mediaType.endsWith('json')) return [];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return issue('is not valid JSON');
  }
  const pointer = `${documented.pointer}/content/${escapePointerSegment(mediaType)}/schema`;
  return (await validatorFor(spec, api)).validate(pointer, body);
}

/** openapi-fetch middleware: throws ResponseValidationError from the call whose response does not match. */
export function responseValidationMiddleware(spec: SpecDocument, api: string, redactor: Redactor = noRedaction): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const issues = await checkResponse(spec, api, request.method, schemaPath, response);
      if (issues.length === 0) return;
      // Ajv quotes schema facts, not the value; redacting anyway costs nothing and survives future Ajv messages.
      const safe = issues.map((i) => ({ path: redactor.text(i.path), message: redactor.text(i.message) }));
      throw new ResponseValidationError(operationName(spec, request.method, schemaPath), response.status, safe);
    },
  };
}
