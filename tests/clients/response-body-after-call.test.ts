// What `result.response` gives after the call (README, "Using the clients"): `data` holds the body on every path.
// Without middleware the client reads a Content-Length answer's own body, so that body is spent afterwards, as with
// bare openapi-fetch: reading it again is undici's TypeError, never a wrong or empty text. (Giving the Response its
// own text()/json() to answer again cost some 10 µs per call: src/transport/deferred-body.ts holdBody.) With
// middleware of the caller's, which may read the body itself, text() and json() answer from the held body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-api-key-body-after-call-3c4e';
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const IDENTITY = { data: { id: ID, email: 'person@example.com' } };
const BODY = JSON.stringify(IDENTITY);
// An answer of GET /identities/{id}/operations as the spec documents it, for the validating client.
const OPERATIONS = { data: [{ action: 'create', active: true, code: 'deposit:stablecoin' }] };

let server: FakeHttpServer;
beforeAll(async () => {
  server = await startHttpServer((request, res) => {
    // `x-framing: chunked` answers without a Content-Length.
    const chunked = request.headers['x-framing'] === 'chunked';
    const body = request.url.endsWith('/operations') ? JSON.stringify(OPERATIONS) : BODY;
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
    });
    res.end(body);
  });
});
afterAll(() => server.close());

async function call(framing: string, middleware: boolean) {
  const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin });
  if (middleware) identity.use({ onRequest() {} });
  return identity.GET('/identities/{id}', { params: { path: { id: ID } }, headers: { 'x-framing': framing } });
}

describe('result.response after the call', () => {
  for (const framing of ['content-length', 'chunked'])
    for (const middleware of [false, true])
      it(`GET /identities/{id} gives the body as data (${framing}, ${middleware ? 'with' : 'without'} middleware)`, async () => {
        const { data, response } = await call(framing, middleware);

        expect(data).toEqual(IDENTITY);
        expect(response.status).toBe(200);
      });

  it('without middleware, a Content-Length answer has its body spent, as with openapi-fetch: a TypeError', async () => {
    const { response } = await call('content-length', false);

    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('with validateResponses and no middleware of the caller’s, the same (validation is the client’s own)', async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin, validateResponses: true });

    const { data, response } = await identity.GET('/identities/{id}/operations', { params: { path: { id: ID } } });

    expect(data).toEqual(OPERATIONS);
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  for (const framing of ['content-length', 'chunked'])
    it(`with middleware, text() and json() answer with the body (${framing})`, async () => {
      const { response } = await call(framing, true);

      expect(await response.text()).toBe(BODY);
      expect(await response.json()).toEqual(IDENTITY);
    });
});
