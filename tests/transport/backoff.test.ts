import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/transport/retry-policy.js';
import { json } from '../support/fake-fetch.js';
import { sequence, transportWith } from '../support/transport.js';

const url = 'http://127.0.0.1:4010/identities';
const status = (code: number) => () => json({ code: 'unavailable', message: 'try later' }, code);

describe('retries with exponential backoff', () => {
  it.each([429, 502, 503, 504])('retries a GET answered %i, then returns the success', async (code) => {
    const { transport, fetch } = transportWith(sequence(status(code), () => json({ data: [] })));

    const response = await transport(new Request(url));

    expect(response.status).toBe(200);
    expect(fetch.requests).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 422, 500])('does not retry a GET answered %i', async (code) => {
    const { transport, fetch } = transportWith(status(code));

    expect((await transport(new Request(url))).status).toBe(code);
    expect(fetch.requests).toHaveLength(1);
  });

  it('stops after `attempts` tries and returns the last answer', async () => {
    const { transport, fetch, clock } = transportWith(status(503), {
      retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
    });

    const response = await transport(new Request(url));

    expect(response.status).toBe(503);
    expect(fetch.requests).toHaveLength(4);
    // random() = 0.5 of windows 100, 200, then 400 capped at maxDelayMs 250.
    expect(clock.sleeps).toEqual([50, 100, 125]);
  });

  it('retries idempotent methods GET, PUT, DELETE, HEAD and OPTIONS', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      const { transport, fetch } = transportWith(sequence(status(502), () => new Response(null, { status: 204 })));
      expect((await transport(new Request(url, { method }))).status).toBe(204);
      expect(fetch.requests, method).toHaveLength(2);
    }
  });

  it('resends the same body on each attempt', async () => {
    const { transport, fetch } = transportWith(sequence(status(503), status(503), () => json({})));

    await transport(new Request(url, { method: 'PUT', body: '{"isSyncOn":true}' }));

    expect(fetch.requests.map((r) => r.body)).toEqual(Array(3).fill('{"isSyncOn":true}'));
  });

  it('draws each wait from [0, min(maxDelayMs, baseDelayMs * 2^(retry-1))]', () => {
    const options = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect([1, 2, 3].map((n) => backoffDelay(n, options, () => 0))).toEqual([0, 0, 0]);
  });

  it('never retries when retry is off (attempts: 1)', async () => {
    const { transport, fetch } = transportWith(status(503), { retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });

    expect((await transport(new Request(url))).status).toBe(503);
    expect(fetch.requests).toHaveLength(1);
  });
});
