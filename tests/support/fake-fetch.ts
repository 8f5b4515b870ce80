// In-process stand-ins for the network: a fetch function that answers from a handler and records every request.
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export type Handler = (request: Request, recorded: RecordedRequest) => Response | Promise<Response>;

export interface FakeFetch {
  (request: Request): Promise<Response>;
  readonly requests: RecordedRequest[];
}

/** A fetch that records each request (body read as text) and lets `handler` answer it. */
export function fakeFetch(handler: Handler): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      path: url.pathname,
      headers,
      body: await request.text(),
    };
    requests.push(recorded);
    return handler(request, recorded);
  };
  return Object.assign(fetch, { requests });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export const BASE_URL = 'http://127.0.0.1:4010';
