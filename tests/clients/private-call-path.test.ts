// A call no middleware sees is sent on a shorter path (client-assembly.ts, transport/fetch.ts CALL_FACTS): openapi-fetch
// hands the body back unread and the client reads it itself, and an attempt without a caller's signal does not listen
// for one. These tests hold that path to the results of the longer one: a call's own `fetch` option (whose answer the
// transport never sees) still gives parsed data or a ResponseBodyError, and the facts only the client can give are
// not taken from a caller's init.
import type { Middleware } from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentityClient, ResponseBodyError } from '../../src/identity/index.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-api-key-private-path-7d20';
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const IDENTITY = { data: { id: ID, email: 'person@example.com' } };
const path = { params: { path: { id: ID } } };

let server: FakeHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A call's own `fetch` option (openapi-fetch's; the client's types leave it out), answering `body` with `type`. */
function callFetch(body: string, type: string) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response(body, { status: 200, headers: { 'content-type': type } });
  };
  return { requests, init: { ...path, fetch } as typeof path };
}

describe("a call's own fetch option, on the path without middleware", () => {
  it('GET /identities/{id} answered by that fetch with JSON: the JSON is the data', async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' });
    const { requests, init } = callFetch(JSON.stringify(IDENTITY), 'application/json');

    const { data, error, response } = await identity.GET('/identities/{id}', init);

    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([`GET /identities/${ID}`]);
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual(IDENTITY);
  });

  it('GET /identities/{id} answered by that fetch with an HTML page: ResponseBodyError naming the operation', async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' });
    const { init } = callFetch('<html>maintenance</html>', 'text/html');

    const error = await identity.GET('/identities/{id}', init).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseBodyError);
    expect((error as ResponseBodyError).message).toBe(
      'getIdentity answered HTTP 200 with a body that cannot be read: the body is not JSON (text/html) (it begins: "<html>maintenance</html>")',
    );
  });
});

describe('the facts of a call come from the client only', () => {
  it("a caller's init that copies the client's call facts does not put the key where middleware looks", async () => {
    const body = JSON.stringify(IDENTITY);
    server = await startHttpServer((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.end(body);
    });
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin });
    const seen: (string | null)[] = [];
    const middleware: Middleware = {
      onRequest: ({ request }) => void seen.push(request.headers.get('apikey')),
      onResponse: ({ request }) => void seen.push(request.headers.get('apikey')),
    };
    // The same shape as the transport's own facts object, but not that object: it must not be honoured.
    const forged = { ...path, middleware: [middleware], kycContractsCall: { unsignalled: true } } as typeof path;

    const { data } = await identity.GET('/identities/{id}', forged);

    expect(data).toEqual(IDENTITY);
    expect(server.received.map((r) => r.headers['apikey'])).toEqual([API_KEY]);
    expect(seen).toEqual([null, null]);
  });
});
