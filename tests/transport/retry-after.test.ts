import { describe, expect, it } from 'vitest';
import { json } from '../support/fake-fetch.js';
import { sequence, transportWith } from '../support/transport.js';

const url = 'http://127.0.0.1:4010/provider/users';
const tooMany = (retryAfter: string) => () =>
  json({ code: 'rate_limited', message: 'slow down' }, 429, { 'retry-after': retryAfter });
const ok = () => json({ users: [] });

describe('Retry-After', () => {
  it('waits the delay-seconds a 429 asks for before retrying a GET', async () => {
    const { transport, fetch, clock } = transportWith(sequence(tooMany('2'), ok));

    const response = await transport(new Request(url));

    expect(response.status).toBe(200);
    expect(fetch.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([2_000]);
  });

  it('waits until the HTTP date a 503 names', async () => {
    const start = Date.UTC(2025, 0, 1, 12, 0, 0);
    const at = new Date(start + 3_000).toUTCString(); // e.g. "Wed, 01 Jan 2025 12:00:03 GMT"
    const { transport, clock } = transportWith(
      sequence(() => new Response('busy', { status: 503, headers: { 'retry-after': at } }), ok),
    );
    clock.time = start;

    const response = await transport(new Request(url));

    expect(response.status).toBe(200);
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('gives the 429 to the caller instead of waiting longer than maxDelayMs', async () => {
    const { transport, fetch, clock } = transportWith(sequence(tooMany('3600'), ok), {
      retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 },
    });

    const response = await transport(new Request(url));

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3600');
    expect(fetch.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('falls back to backoff when Retry-After cannot be read', async () => {
    const { transport, clock } = transportWith(sequence(tooMany('soon'), ok), { random: () => 0.5 });

    await transport(new Request(url));

    // Full jitter over the first backoff window [0, baseDelayMs = 100] with random() = 0.5.
    expect(clock.sleeps).toEqual([50]);
  });

  // Date.parse reads each of these as some date in the past, which meant retrying at once.
  it.each(['1.5', '-1', '5, 10', '+3', 'Wed, 01 Jan 2025 12:00:03'])(
    'falls back to backoff for %j, which is neither delay-seconds nor an HTTP-date',
    async (value) => {
      const { transport, clock } = transportWith(sequence(tooMany(value), ok), { random: () => 0.5 });

      await transport(new Request(url));

      expect(clock.sleeps).toEqual([50]);
    },
  );

  it.each([
    ['asctime', 'Wed Jan  1 12:00:03 2025'],
    ['rfc850', 'Wednesday, 01-Jan-25 12:00:03 GMT'],
    ['IMF-fixdate', 'Wed, 01 Jan 2025 12:00:03 GMT'],
  ])('reads an HTTP-date in %s form as GMT whatever the local time zone', async (_form, value) => {
    const zone = process.env['TZ'];
    process.env['TZ'] = 'America/New_York'; // 5 hours behind GMT in January
    try {
      const { transport, clock } = transportWith(sequence(tooMany(value), ok), {
        retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 60_000 },
      });
      clock.time = Date.UTC(2025, 0, 1, 12, 0, 0);

      await transport(new Request(url));

      expect(clock.sleeps).toEqual([3_000]);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });
});
