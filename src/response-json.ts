// One read and one parse of each response body, shared by the client's middleware (body checks, opt-in
// validation): before, each cloned the Response and parsed the JSON again, on top of openapi-fetch's own parse.
import { bodyText, readDeferred } from './transport/fetch.js';

export interface ReadBody {
  text: string;
  /** True when `text` is JSON; `value` is then the parsed value. */
  json: boolean;
  value?: unknown;
  /**
   * The answer `text` is the body of: the Response read, or, when that one was handed back unread and its body broke
   * off, the answer of the attempt that retried it (transport/fetch.ts, readDeferred), which may have another status.
   */
  response: Response;
}

const read = new WeakMap<Response, Promise<ReadBody>>();

function parsed(response: Response, text: string): ReadBody {
  if (text === '') return { text, json: false, response };
  try {
    return { text, json: true, value: JSON.parse(text) as unknown, response };
  } catch {
    return { text, json: false, response };
  }
}

/**
 * The body of `response` as text and, if it is JSON, parsed. `response` stays readable for openapi-fetch: a body the
 * transport read is decoded from its bytes; an answer the transport handed back unread (transport/fetch.ts,
 * allowDeferredBody) is read here, once, and its `json()` then answers the value parsed here, which is what
 * openapi-fetch calls for it (the body has a Content-Length), so the JSON is parsed once per call. When that read
 * was retried, `response` of the result is the later answer, and reading it answers the same result.
 */
export function readBody(response: Response): Promise<ReadBody> {
  let found = read.get(response);
  if (!found) {
    const deferred = readDeferred(response);
    if (!deferred) {
      found = bodyText(response).then((text) => parsed(response, text));
      read.set(response, found);
      return found;
    }
    const body = deferred.then((d) => parsed(d.response, d.text));
    found = body;
    read.set(response, body);
    // Every answer whose body was read here (one, or the retried one too) answers `json()` with the value parsed.
    const answerJson = (answer: Response) =>
      Object.defineProperty(answer, 'json', { value: () => body.then((b) => b.value), configurable: true });
    answerJson(response);
    body.then(
      (b) => {
        if (b.response !== response) {
          read.set(b.response, body);
          answerJson(b.response);
        }
      },
      () => {},
    );
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
