// A success answer handed to the call with its body unread (src/transport/deferred-body.ts) whose body
// breaks off is a failed attempt, like one whose body the transport reads itself: an idempotent request is sent
// again after the backoff delay and the call ends with the later answer; a POST is not sent again.
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentityClient, NetworkError } from '../../src/identity/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-api-key-unread-body-retry-9d2e';
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const IDENTITY = JSON.stringify({ id: ID, email: 'person@example.com' });

let server: FakeHttpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A server whose first `breaks` answers announce the whole body, send its first bytes and close the connection;
 * later ones answer `later` (status, body). Counts the requests it received.
 */
async function breakingServer(breaks: number, later: { status: number; body: string }) {
  const seen: string[] = [];
  server = await startHttpServer((request, res, raw) => {
    seen.push(`${request.method} ${request.url}`);
    const body = seen.length <= breaks ? IDENTITY : later.body;
    res.writeHead(seen.length <= breaks ? 200 : later.status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    });
    // The connection closes once the headers and the first bytes are flushed: the client has the headers first.
    if (seen.length <= breaks) res.write(body.slice(0, 10), () => raw.socket.destroy());
    else res.end(body);
  });
  return { origin: server.origin, seen };
}

describe('an unread success body that breaks off', () => {
  it("is retried on a GET: the call ends with the next attempt's answer, after one backoff delay", async () => {
    const { origin, seen } = await breakingServer(1, { status: 200, body: IDENTITY });
    const clock = new FakeClock();
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: origin, clock });

    const { data, error, response } = await identity.GET('/identities/{id}', { params: { path: { id: ID } } });

    expect(error).toBeUndefined();
    expect(data).toEqual(JSON.parse(IDENTITY));
    expect(response.status).toBe(200);
    expect(seen).toEqual([`GET /identities/${ID}`, `GET /identities/${ID}`]);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('ends with the later answer when it has another status, judged as that status (404 → result.error)', async () => {
    const notFound = JSON.stringify({ error: { code: 'not_found', message: 'No identity with this id' } });
    const { origin } = await breakingServer(1, { status: 404, body: notFound });
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: origin, clock: new FakeClock() });

    const { data, error, response } = await identity.GET('/identities/{id}', { params: { path: { id: ID } } });

    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(JSON.parse(notFound));
  });

  it("is retried before a caller's middleware sees anything: it gets only the answer the call ends with", async () => {
    const notFound = JSON.stringify({ error: { code: 'not_found', message: 'No identity with this id' } });
    const { origin, seen } = await breakingServer(1, { status: 404, body: notFound });
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: origin, clock: new FakeClock() });
    const handedOn: number[] = [];
    identity.use({ onResponse: ({ response }) => void handedOn.push(response.status) });

    const { error, response } = await identity.GET('/identities/{id}', { params: { path: { id: ID } } });

    expect(handedOn).toEqual([404]);
    expect(response.status).toBe(404);
    expect(error).toEqual(JSON.parse(notFound));
    expect(seen).toHaveLength(2);
  });

  it('is retried with validateResponses on, and the later answer is the one validated', async () => {
    const { origin, seen } = await breakingServer(1, { status: 200, body: '{"data": {"id": 7}}' });
    const identity = createIdentityClient({
      apiKey: API_KEY,
      baseUrl: origin,
      clock: new FakeClock(),
      validateResponses: true,
    });

    const error = await identity.GET('/identities/{id}', { params: { path: { id: ID } } }).catch((e: unknown) => e);

    expect(seen).toHaveLength(2);
    expect((error as Error).name).toBe('ResponseValidationError');
    expect((error as Error).message).toContain('/data/id');
  });

  it('fails with NetworkError naming every attempt once the attempts run out', async () => {
    const { origin, seen } = await breakingServer(3, { status: 200, body: IDENTITY });
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: origin, clock: new FakeClock() });

    const error = await identity.GET('/identities/{id}', { params: { path: { id: ID } } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/ failed after 3 attempts/);
    expect(seen).toHaveLength(3);
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(API_KEY);
  });

  it('is not retried on a POST, which may have created something', async () => {
    const { origin, seen } = await breakingServer(1, { status: 200, body: IDENTITY });
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: origin, clock: new FakeClock() });

    const error = await identity
      .POST('/identities', { body: { email: 'person@example.com' } as never })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/ failed after 1 attempt\b/);
    expect(seen).toHaveLength(1);
  });
});
