import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/transport/errors.js';
import { json } from '../support/fake-fetch.js';
import { transportWith } from '../support/transport.js';

const url = 'http://127.0.0.1:4010/identities?filter%5Bemail%5D=like%3Aperson%40example.com';

function refused(): never {
  throw Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), { code: 'ECONNREFUSED' }),
  });
}

describe('network errors', () => {
  it('retries a GET after a network error and returns the answer that follows', async () => {
    let calls = 0;
    const { transport, fetch } = transportWith(() => (++calls === 1 ? refused() : json({ data: [] })));

    expect((await transport(new Request(url))).status).toBe(200);
    expect(fetch.requests).toHaveLength(2);
  });

  it('throws NetworkError naming method, URL (no query), attempts and the cause, once attempts run out', async () => {
    const { transport, fetch } = transportWith(() => refused());

    const error = await transport(new Request(url)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toBe(
      'GET http://127.0.0.1:4010/identities failed after 3 attempts: fetch failed: connect ECONNREFUSED 127.0.0.1:4010 (ECONNREFUSED)',
    );
    expect((error as NetworkError).cause).toEqual({
      name: 'TypeError',
      message: 'fetch failed: connect ECONNREFUSED 127.0.0.1:4010',
      code: 'ECONNREFUSED',
    });
    expect(fetch.requests).toHaveLength(3);
  });

  it('does not retry a POST after a network error: it may have reached the server', async () => {
    const { transport, fetch } = transportWith(() => refused());

    const error = await transport(
      new Request('http://127.0.0.1:4010/identities', { method: 'POST', body: '{}' }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(1);
    expect(fetch.requests).toHaveLength(1);
  });
});
