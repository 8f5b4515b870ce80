// Issue 9 item 7: answers without bounds. The body is read under `maxResponseBytes`, counted while it streams, so
// an endless body stops at the limit instead of growing the client without end.
import { describe, expect, it } from 'vitest';
import {
  ClientOptionsError,
  createIdentityClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  ResponseTooLargeError,
} from '../../src/identity/index.js';
import { BASE_URL, fakeFetch } from '../support/fake-fetch.js';

const LIMIT = 64 * 1024;

/** A body that never ends; counts the bytes the client pulled. */
function endlessBody() {
  let pulled = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode(`{"data":[${'"x",'.repeat(4096)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

describe('response size limit', () => {
  it('an endless body fails with ResponseTooLargeError once the limit is passed, and the stream is cancelled', async () => {
    const body = endlessBody();
    const fetch = fakeFetch(() => new Response(body.stream, { headers: { 'content-type': 'application/json' } }));
    const identity = createIdentityClient({
      apiKey: 'fake-api-key-for-tests',
      baseUrl: BASE_URL,
      fetch,
      maxResponseBytes: LIMIT,
      retry: false,
    });
    const error = await identity.GET('/identities').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toBe(
      `GET ${BASE_URL}/identities answered HTTP 200 with a body larger than ${LIMIT} bytes (maxResponseBytes); reading stopped there`,
    );
    // Stopped within one chunk of the limit.
    expect(body.pulled()).toBeLessThan(LIMIT + 2 * 16_400);
    expect(body.cancelled()).toBe(true);
  });

  it('a Content-Length above the limit is refused before the body is read', async () => {
    const body = endlessBody();
    const fetch = fakeFetch(
      () =>
        new Response(body.stream, {
          headers: { 'content-type': 'application/json', 'content-length': String(LIMIT + 1) },
        }),
    );
    const identity = createIdentityClient({
      apiKey: 'fake-api-key-for-tests',
      baseUrl: BASE_URL,
      fetch,
      maxResponseBytes: LIMIT,
      retry: false,
    });
    expect(await identity.GET('/identities').catch((e: unknown) => e)).toBeInstanceOf(ResponseTooLargeError);
    expect(body.pulled()).toBeLessThanOrEqual(16_400 * 2);
  });

  it('is not retried, even on an idempotent GET', async () => {
    const fetch = fakeFetch(() => new Response('x'.repeat(LIMIT + 1), { status: 503 }));
    const identity = createIdentityClient({
      apiKey: 'fake-api-key-for-tests',
      baseUrl: BASE_URL,
      fetch,
      maxResponseBytes: LIMIT,
    });
    expect(await identity.GET('/identities').catch((e: unknown) => e)).toBeInstanceOf(ResponseTooLargeError);
    expect(fetch.requests).toHaveLength(1);
  });

  it('a body at the limit is read', async () => {
    const text = JSON.stringify({ total: 0, data: [], pad: 'x'.repeat(LIMIT - 40) });
    const padded = text + ' '.repeat(LIMIT - text.length);
    const fetch = fakeFetch(() => new Response(padded, { headers: { 'content-type': 'application/json' } }));
    const identity = createIdentityClient({
      apiKey: 'fake-api-key-for-tests',
      baseUrl: BASE_URL,
      fetch,
      maxResponseBytes: LIMIT,
    });
    expect((await identity.GET('/identities')).data?.total).toBe(0);
  });

  it('defaults to 32 MiB, and refuses a limit that is not a positive integer', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * 1024 * 1024);
    for (const bad of [0, -1, 1.5, '1000', 2 ** 31]) {
      expect(() => createIdentityClient({ apiKey: 'fake-api-key-for-tests', maxResponseBytes: bad as number })).toThrow(
        ClientOptionsError,
      );
    }
  });
});
