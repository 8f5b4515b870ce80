// Remembers, for each Response a client returns, which operation produced it and how to redact its body.
// `unwrap(result)` only receives openapi-fetch's {data, error, response}; this lets the ApiError it throws name
// the operation (its operationId) and keep the client's secrets out of its message and body.
import type { Redactor } from './redaction.js';

export interface ResponseOrigin {
  /** operationId, or "METHOD /path/{template}". */
  operation: string;
  redactor: Redactor;
}

// An own property of the Response (it lives exactly as long as the Response), set once per call: cheaper on the hot
// path than a WeakMap entry. A symbol, so it shows in no enumeration or JSON of the Response.
const ORIGIN = Symbol('kyc-contracts.origin');
type WithOrigin = Response & { [ORIGIN]?: ResponseOrigin };

export function originOf(response: Response): ResponseOrigin | undefined {
  return (response as WithOrigin)[ORIGIN];
}

/** Records that the client produced `response` for `origin.operation`; called with the Response a call returns. */
export function recordOrigin(response: Response, origin: ResponseOrigin): void {
  (response as WithOrigin)[ORIGIN] = origin;
}
