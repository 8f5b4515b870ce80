// A `fetch` for the clients that keeps a copy of every exchange, so a test checks what really crossed the wire:
// which operation was called, the status, the content type and the body text, independently of the client.

export interface WireExchange {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  bodyText: string;
}

export interface RecordingFetch {
  fetch: (request: Request) => Promise<Response>;
  exchanges: WireExchange[];
  /** The last exchange (the client's token requests come before the operation's). */
  last(): WireExchange;
}

export function recordingFetch(
  send: (request: Request) => Promise<Response> = (request) => fetch(request),
): RecordingFetch {
  const exchanges: WireExchange[] = [];
  return {
    exchanges,
    async fetch(request) {
      const response = await send(request);
      exchanges.push({
        method: request.method,
        url: request.url,
        status: response.status,
        contentType: response.headers.get('content-type'),
        bodyText: await response.clone().text(),
      });
      return response;
    },
    last() {
      const exchange = exchanges.at(-1);
      if (!exchange) throw new Error('the client sent no request');
      return exchange;
    },
  };
}
