// With the platform's fetch, a client without middleware of the caller's gets a success answer whose length is
// announced with its body unread (no copy: src/transport/deferred-body.ts). The body is then read under the same rules
// as a body the transport reads itself: the attempt's deadline, the caller's abort, a connection that breaks off. The
// test wraps the platform's fetch to act once the headers have arrived, so each fault lands before the body is read.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdentityClient, NetworkError, RequestTimeoutError } from '../../src/identity/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-api-key-unread-bodies-41c7';
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const IDENTITY = JSON.stringify({ id: ID, email: 'person@example.com' });

let server: FakeHttpServer | undefined;
let socket: Socket | undefined;

afterEach(async () => {
  vi.unstubAllGlobals();
  await server?.close();
  server = undefined;
});

/** A server that sends the headers and the first bytes of an announced body, then nothing more. */
async function stallingServer() {
  server = await startHttpServer((_request, res, raw) => {
    socket = raw.socket;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(IDENTITY.length) });
    res.write(IDENTITY.slice(0, 10));
  });
  return server.origin;
}

function clientOn(baseUrl: string, onHeaders: () => void | Promise<void>, clock = new FakeClock()) {
  const identity = createIdentityClient({ apiKey: API_KEY, baseUrl, clock, retry: false });
  // The platform's fetch, looked up per call by the client, with a step of the test's once the headers are in.
  const platformFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await platformFetch(input, init);
    await onHeaders();
    return response;
  });
  return { identity, clock };
}

describe('a success body read after the headers were handed on', () => {
  it('parses a complete body as data', async () => {
    server = await startHttpServer((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(IDENTITY.length) });
      res.end(IDENTITY);
    });
    const { identity } = clientOn(server.origin, () => {});

    const { data, response } = await identity.GET('/identities/{id}', { params: { path: { id: ID } } });

    expect(data).toEqual(JSON.parse(IDENTITY));
    expect(response.status).toBe(200);
  });

  it('times out a body that stalls after the headers, with RequestTimeoutError', async () => {
    const clock = new FakeClock();
    const { identity } = clientOn(await stallingServer(), () => clock.expireDeadlines(), clock);

    const error = await identity.GET('/identities/{id}', { params: { path: { id: ID } } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as Error).message).toContain('timed out after 30000 ms');
  });

  it("ends with the caller's own abort reason when the caller aborts during the body", async () => {
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    const { identity } = clientOn(await stallingServer(), () => controller.abort(reason));

    const error = await identity
      .GET('/identities/{id}', { params: { path: { id: ID } }, signal: controller.signal })
      .catch((e: unknown) => e);

    expect(error).toBe(reason);
  });

  it('throws NetworkError, without the key, when the connection breaks off during the body', async () => {
    const { identity } = clientOn(
      await stallingServer(),
      () => new Promise<void>((resolve) => socket!.once('close', () => resolve()).destroy()),
    );

    const error = await identity.GET('/identities/{id}', { params: { path: { id: ID } } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/identities\/[0-9a-f-]+ failed after 1 attempt/,
    );
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(API_KEY);
  });
});
