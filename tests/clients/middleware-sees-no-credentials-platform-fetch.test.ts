// With the platform's fetch, a client no middleware can see sets its credential on openapi-fetch's Request itself,
// instead of on a copy of its headers (client-assembly.ts, isPrivate). Every way middleware can come to see that
// Request must turn this off: `client.use`, a call's own `middleware` option, and validation. Each case sends to a
// real server on 127.0.0.1, so the platform's fetch (not a `fetch` option) carries the request.
import type { Middleware } from 'openapi-fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-api-key-platform-fetch-5b1e';
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const IDENTITY = JSON.stringify({ data: { id: ID, email: 'person@example.com' } });

let server: FakeHttpServer;

beforeEach(async () => {
  server = await startHttpServer((_request, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(IDENTITY.length) });
    res.end(IDENTITY);
  });
});
afterEach(() => server.close());

/** Middleware recording the apikey header of the request each hook is given. */
function spy() {
  const seen: (string | null)[] = [];
  const middleware: Middleware = {
    onRequest: ({ request }) => void seen.push(request.headers.get('apikey')),
    onResponse: ({ request }) => void seen.push(request.headers.get('apikey')),
  };
  return { seen, middleware };
}

const path = { params: { path: { id: ID } } };

describe('the credential and middleware, with the platform fetch', () => {
  it('a client without middleware sends the key', async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin });

    const { data } = await identity.GET('/identities/{id}', path);

    expect(data).toEqual(JSON.parse(IDENTITY));
    expect(server.received.map((r) => r.headers['apikey'])).toEqual([API_KEY]);
  });

  it('middleware registered after calls were made never sees the key', async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin });
    await identity.GET('/identities/{id}', path);
    const { seen, middleware } = spy();
    identity.use(middleware);

    await identity.GET('/identities/{id}', path);

    expect(seen).toEqual([null, null]);
    expect(server.received.map((r) => r.headers['apikey'])).toEqual([API_KEY, API_KEY]);
  });

  it("a call's own middleware never sees the key, and the next call without it sends the key", async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin });
    const { seen, middleware } = spy();

    await identity.GET('/identities/{id}', { ...path, middleware: [middleware] });
    await identity.GET('/identities/{id}', path);

    expect(seen).toEqual([null, null]);
    expect(server.received.map((r) => r.headers['apikey'])).toEqual([API_KEY, API_KEY]);
  });

  it("a call's own middleware that replaces the Request never sees the key on it", async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin });
    let replaced: Request | undefined;
    const replacing: Middleware = {
      onRequest: ({ request }) => (replaced = new Request(request, { headers: { 'x-trace': '1' } })),
    };

    await identity.GET('/identities/{id}', { ...path, middleware: [replacing] });

    expect(replaced?.headers.get('apikey')).toBeNull();
    expect(server.received[0]?.headers['x-trace']).toBe('1');
    expect(server.received[0]?.headers['apikey']).toBe(API_KEY);
  });

  it("a call's own Request class (an openapi-fetch option) never holds a Request with the key", async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin });
    const built: Request[] = [];
    class TracedRequest extends Request {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, init);
        built.push(this);
      }
    }

    await identity.GET('/identities/{id}', { ...path, Request: TracedRequest } as typeof path);

    expect(built).toHaveLength(1);
    expect(built[0]?.headers.get('apikey')).toBeNull();
    expect(server.received[0]?.headers['apikey']).toBe(API_KEY);
  });

  it('a validating client (validation runs as middleware) keeps the key off the Request it validates', async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin, validateRequests: true });
    const { seen, middleware } = spy();
    identity.use(middleware);

    const { data } = await identity.GET('/identities/{id}', path);

    expect(data).toEqual(JSON.parse(IDENTITY));
    expect(seen).toEqual([null, null]);
    expect(server.received.map((r) => r.headers['apikey'])).toEqual([API_KEY]);
  });
});
