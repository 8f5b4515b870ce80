// Remembers, for each Response a client returns, which operation produced it and how to redact its body.
// `unwrap(result)` only receives openapi-fetch's {data, error, response}; this lets the ApiError it throws name
// the operation (its operationId) and keep the client's secrets out of its message and body.
import type { Middleware } from 'openapi-fetch';
import { noRedaction, type Redactor } from './redaction.js';
import { operationName, type RuntimeSpec } from './runtime-spec.js';

export interface ResponseOrigin {
  /** operationId, or "METHOD /path/{template}". */
  operation: string;
  redactor: Redactor;
}

// Weak: an entry lives exactly as long as the caller keeps the Response.
const origins = new WeakMap<Response, ResponseOrigin>();

export function originOf(response: Response): ResponseOrigin | undefined {
  return origins.get(response);
}

/**
 * Registered first on each client, so its onResponse runs last (openapi-fetch runs onResponse in reverse order)
 * and sees the Response that is finally returned, even if a caller's middleware replaced it.
 */
export function responseOriginMiddleware(spec: RuntimeSpec, redactor: Redactor = noRedaction): Middleware {
  return {
    onResponse({ request, response, schemaPath }) {
      origins.set(response, { operation: operationName(spec, request.method, schemaPath), redactor });
    },
  };
}
