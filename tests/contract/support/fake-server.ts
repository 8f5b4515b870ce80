// A tiny in-process HTTP server for the fakes of a deployment (fake-*-deployment.ts): JSON in, JSON out, on
// 127.0.0.1 and a free port, with every request kept as "METHOD /path?query" so that a test can see which ids a
// flow really used.
import { once } from 'node:events';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  /** Path segments: `/identities/abc/operations` → ['identities', 'abc', 'operations']. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeReply {
  status: number;
  /** Sent as application/json; undefined sends no body. */
  body?: unknown;
}

export interface FakeServer {
  url: string;
  /** Every request received, in order, as "METHOD /path?query" with the query decoded. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeServer(handle: (request: FakeRequest) => FakeReply): Promise<FakeServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake.invalid');
      const method = req.method ?? 'GET';
      requests.push(`${method} ${decodeURIComponent(url.pathname + url.search)}`);
      const text = Buffer.concat(chunks).toString('utf8');
      let reply: FakeReply;
      try {
        const body: unknown = text === '' ? undefined : JSON.parse(text);
        reply = handle({ method, segments: url.pathname.split('/').filter(Boolean), query: url.searchParams, headers: req.headers, body });
      } catch (error) {
        reply = { status: 500, body: { code: 'internal_error', message: `the fake failed: ${error instanceof Error ? error.message : String(error)}` } };
      }
      res.writeHead(reply.status, reply.body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
      })),
  };
}
