// A caller's middleware may read the answer's body in onResponse. With the platform's fetch the client reads a
// success body once and shares it (src/transport/deferred-body.ts): text() and json() give the middleware the body
// without taking it from the call, each json() a value of its own; a native read (arrayBuffer(), blob(), the stream)
// leaves the client nothing to read, which is a clear error, never a second request.
import { readFileSync } from 'node:fs';
import type { Middleware } from 'openapi-fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdentityClient, NetworkError } from '../../src/identity/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-api-key-middleware-reads-7c21';
// The spec's own example answer of getIdentity, so that validation has nothing to object to but an edit.
const spec = JSON.parse(
  readFileSync(new URL('../../generated/identity/openapi.dereferenced.json', import.meta.url), 'utf8'),
);
const IDENTITY = spec.paths['/identities/{id}'].get.responses['200'].content['application/json'].examples.person
  .value as { data: { id: string; email: string } };
const ID = IDENTITY.data.id;

let server: FakeHttpServer;
beforeEach(async () => {
  server = await startHttpServer((_request, res) => {
    const body = JSON.stringify(IDENTITY);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
});
afterEach(() => server.close());

const path = { params: { path: { id: ID } } };
const client = () => createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin, clock: new FakeClock() });

describe('middleware that reads the body', () => {
  it('editing what json() gave it changes neither data nor validation', async () => {
    const masking: Middleware = {
      async onResponse({ response }) {
        const logged = (await response.json()) as typeof IDENTITY;
        logged.data.email = '***';
      },
    };
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin, validateResponses: true });
    identity.use(masking);

    const { data } = await identity.GET('/identities/{id}', path);

    expect(data).toEqual(IDENTITY);
  });

  it('text() gives it the body and the call still gets its data', async () => {
    const texts: string[] = [];
    const identity = client();

    const { data } = await identity.GET('/identities/{id}', {
      ...path,
      middleware: [{ onResponse: async ({ response }) => void texts.push(await response.text()) }],
    });

    expect(texts).toEqual([JSON.stringify(IDENTITY)]);
    expect(data).toEqual(IDENTITY);
  });

  it.each(['arrayBuffer', 'blob'] as const)(
    'reading it with %s() fails the call with NetworkError saying so, and sends nothing again',
    async (read) => {
      const identity = client();
      identity.use({ onResponse: async ({ response }) => void (await response[read]()) });

      for (const method of ['get', 'delete'] as const) {
        const error = await identity.request(method, '/identities/{id}', path).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(NetworkError);
        expect((error as Error).message).toContain('the body was already read by middleware');
      }
      expect(server.received.map((r) => r.method)).toEqual(['GET', 'DELETE']);
    },
  );
});
