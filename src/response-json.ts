// One read and one parse of each response body, shared by whoever looks at it (opt-in validation, openapi-fetch's
// own json() or text(), the client's result): before, each cloned the Response and parsed the JSON again.
import { heldParsedBody, type ParsedBody, parseBody } from './transport/deferred-body.js';
import { bodyText } from './transport/fetch.js';

/** A body as text and, when it is JSON (`json` true), parsed as `value`; `response` is the answer it belongs to. */
export type ReadBody = ParsedBody;

const read = new WeakMap<Response, Promise<ReadBody>>();

/**
 * The body of `response` as text and, if it is JSON, parsed; `response` stays readable for openapi-fetch. An answer
 * of the transport is read through its held body (transport/deferred-body.ts), once for everyone; when that read was
 * retried after the body broke off, `response` of the result is the later answer. Any other Response (one a
 * caller's middleware made) is read from a clone, once.
 */
export function readBody(response: Response): Promise<ReadBody> {
  const held = heldParsedBody(response);
  if (held) return held;
  let found = read.get(response);
  if (!found) {
    found = bodyText(response).then((text) => parseBody({ response, text }));
    read.set(response, found);
  }
  return found;
}

/**
 * The answer a call ends with: `response` itself, or the answer of the attempt that retried its body when that one
 * was handed back unread and broke off. Middleware that looks at the body returns it in place of `response`.
 */
export async function answerOf(response: Response): Promise<Response> {
  return (await readBody(response)).response;
}
