// The Response a call ends with (`result.response`) still answers `text()` and `json()` with its body after the
// call, the same whatever the path the call took: a Content-Length or a chunked answer, with or without middleware
// (src/transport/deferred-body.ts shareHeldBody). Before the path without middleware read the body itself, a
// Content-Length answer there gave "Body is unusable" while a chunked one, or any answer with middleware, gave it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-api-key-body-after-call-3c4e';
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const IDENTITY = { data: { id: ID, email: 'person@example.com' } };
const BODY = JSON.stringify(IDENTITY);

let server: FakeHttpServer;
beforeAll(async () => {
  server = await startHttpServer((request, res) => {
    // `x-framing: chunked` answers without a Content-Length.
    const chunked = request.headers['x-framing'] === 'chunked';
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(BODY)) }),
    });
    res.end(BODY);
  });
});
afterAll(() => server.close());

describe('result.response after the call', () => {
  for (const framing of ['content-length', 'chunked'])
    for (const middleware of [false, true])
      it(`answers text() and json() with the body (${framing}, ${middleware ? 'with' : 'without'} middleware)`, async () => {
        const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin });
        if (middleware) identity.use({ onRequest() {} });

        const { data, response } = await identity.GET('/identities/{id}', {
          params: { path: { id: ID } },
          headers: { 'x-framing': framing },
        });

        expect(data).toEqual(IDENTITY);
        expect(await response.text()).toBe(BODY);
        expect(await response.json()).toEqual(IDENTITY);
      });
});
