import { describe, expect, it } from 'vitest';
import { RequestTimeoutError } from '../../src/transport/errors.js';
import { fakePortabl, settingsPath } from '../support/fake-portabl.js';
import { transportWith } from '../support/transport.js';

const url =
  'http://127.0.0.1:4010/identities/0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11?filter%5Bemail%5D=person%40example.com';

describe('timeouts', () => {
  it('aborts the attempt when the deadline fires, with an error naming the URL and timeoutMs', async () => {
    let seenSignal: AbortSignal | undefined;
    const { transport, clock } = transportWith(
      (request) => {
        seenSignal = request.signal;
        return new Promise<Response>(() => {}); // never answers
      },
      { timeoutMs: 1_234 },
    );

    const pending = transport(new Request(url)).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.deadlines.map((d) => d.ms)).toEqual([1_234]);
    clock.expireDeadlines();
    const error = await pending;

    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as Error).message).toBe(
      'GET http://127.0.0.1:4010/identities/0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11 timed out after 1234 ms (timeoutMs); no complete response arrived in time',
    );
    expect(seenSignal?.aborted).toBe(true); // the underlying request was cancelled, not left running
  });

  it('does not retry a timed-out attempt, even of a GET', async () => {
    const { transport, fetch, clock } = transportWith(() => new Promise<Response>(() => {}));

    const pending = transport(new Request(url)).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    clock.expireDeadlines();

    expect(await pending).toBeInstanceOf(RequestTimeoutError);
    expect(fetch.requests).toHaveLength(1);
  });

  it('times out a body that stalls after the headers', async () => {
    const stalled = new ReadableStream({ start() {} }); // headers arrive, the body never ends
    const { transport, clock } = transportWith(() => new Response(stalled, { status: 200 }));

    const pending = transport(new Request(url)).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    clock.expireDeadlines();

    expect(await pending).toBeInstanceOf(RequestTimeoutError);
  });

  it('passes timeoutMs from createPortablClient to each attempt', async () => {
    const server = fakePortabl();

    await server.client({ timeoutMs: 2_500 }).GET('/provider/users/{userId}/settings', settingsPath);

    expect(server.clock.deadlines.map((d) => d.ms)).toEqual([2_500, 2_500]); // token request, then the call
  });
});
