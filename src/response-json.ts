// One read and one parse of each response body, shared by the client's middleware (body checks, opt-in
// validation): before, each cloned the Response and parsed the JSON again, on top of openapi-fetch's own parse.
import { bodyText } from './transport/fetch.js';

export interface ReadBody {
  text: string;
  /** True when `text` is JSON; `value` is then the parsed value. */
  json: boolean;
  value?: unknown;
}

const read = new WeakMap<Response, Promise<ReadBody>>();

/** The body of `response` as text and, if it is JSON, parsed; `response` stays unread for openapi-fetch. */
export function readBody(response: Response): Promise<ReadBody> {
  let found = read.get(response);
  if (!found) {
    found = bodyText(response).then((text) => {
      if (text === '') return { text, json: false };
      try {
        return { text, json: true, value: JSON.parse(text) as unknown };
      } catch {
        return { text, json: false };
      }
    });
    read.set(response, found);
  }
  return found;
}
