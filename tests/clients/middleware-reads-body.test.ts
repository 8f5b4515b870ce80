// A caller's middleware may read the answer's body in onResponse, any way it likes and taking its time: with middleware
// of the caller's, the client reads each answer whole inside the attempt before handing it on (src/transport/fetch.ts,
// readWhole), and reads it for itself from what it holds (src/transport/deferred-body.ts). Each json() is a value of
// its own; the deadline ends when the body has arrived, not when the middleware is done.
import { readFileSync } from 'node:fs';
import type { Middleware } from 'openapi-fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
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
    'reading it with %s() leaves the call its data, with one request',
    async (read) => {
      const sizes: number[] = [];
      const identity = client();
      identity.use({
        onResponse: async ({ response }) => {
          const body = await response[read]();
          sizes.push(body instanceof Blob ? body.size : body.byteLength);
        },
      });

      const { data } = await identity.GET('/identities/{id}', path);

      expect(sizes).toEqual([Buffer.byteLength(JSON.stringify(IDENTITY))]);
      expect(data).toEqual(IDENTITY);
      expect(server.received.map((r) => r.method)).toEqual(['GET']);
    },
  );

  it('an onResponse that outlasts the deadline does not fail a call whose body had arrived', async () => {
    const clock = new FakeClock();
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: server.origin, clock });
    // Every deadline the client set runs out while this middleware works.
    identity.use({ onResponse: () => void clock.expireDeadlines() });

    const { data } = await identity.GET('/identities/{id}', path);

    expect(data).toEqual(IDENTITY);
  });
  it('per-call middleware given as a Set (openapi-fetch spreads any iterable) counts as middleware too', async () => {
    const seen: (string | null)[] = [];
    const sizes: number[] = [];
    const reading: Middleware = {
      onRequest: ({ request }) => void seen.push(request.headers.get('apikey')),
      onResponse: async ({ response }) => void sizes.push((await response.arrayBuffer()).byteLength),
    };
    const identity = client();

    const { data } = await identity.request('delete', '/identities/{id}', {
      ...path,
      middleware: new Set([reading]) as unknown as Middleware[],
    });

    expect(seen).toEqual([null]);
    expect(sizes).toEqual([Buffer.byteLength(JSON.stringify(IDENTITY))]);
    expect(data).toEqual(IDENTITY);
    expect(server.received.map((r) => r.method)).toEqual(['DELETE']);
  });

  it("the caller's abort during their own slow onResponse ends the call with their reason", async () => {
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    const identity = client();
    identity.use({ onResponse: () => void controller.abort(reason) });

    const error = await identity
      .GET('/identities/{id}', { ...path, signal: controller.signal })
      .catch((e: unknown) => e);

    expect(error).toBe(reason);
  });
});
