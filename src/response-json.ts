// One read and one parse of each response body, shared by the client's middleware (body checks, opt-in
// validation): before, each cloned the Response and parsed the JSON again, on top of openapi-fetch's own parse.
import { bodyText, readDeferred } from './transport/fetch.js';

export interface ReadBody {
  text: string;
  /** True when `text` is JSON; `value` is then the parsed value. */
  json: boolean;
  value?: unknown;
}

const read = new WeakMap<Response, Promise<ReadBody>>();

function parsed(text: string): ReadBody {
  if (text === '') return { text, json: false };
  try {
    return { text, json: true, value: JSON.parse(text) as unknown };
  } catch {
    return { text, json: false };
  }
}

/**
 * The body of `response` as text and, if it is JSON, parsed. `response` stays readable for openapi-fetch: a body the
 * transport read is decoded from its bytes; an answer the transport handed back unread (transport/fetch.ts,
 * allowDeferredBody) is read here, once, and its `json()` then answers the value parsed here, which is what
 * openapi-fetch calls for it (the body has a Content-Length), so the JSON is parsed once per call.
 */
export function readBody(response: Response): Promise<ReadBody> {
  let found = read.get(response);
  if (!found) {
    const deferred = readDeferred(response);
    found = (deferred ?? bodyText(response)).then(parsed);
    read.set(response, found);
    if (deferred) {
      const body = found;
      Object.defineProperty(response, 'json', { value: () => body.then((b) => b.value), configurable: true });
    }
  }
  return found;
}
