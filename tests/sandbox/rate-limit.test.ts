// The per-credential rate limit (off by default): past the limit, the operation's documented 429 with Retry-After
// in seconds until the window ends on the sandbox clock; other credentials are not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../src/sandbox/rate-limit.js';
import { startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
const keys = ['rate-limit-key-one-for-the-tests', 'rate-limit-key-two-for-the-tests'];
const client = { clientId: 'rate-limit-client', clientSecret: 'rate-limit-secret-for-the-tests' };
beforeAll(async () => {
  sandbox = await startTestSandbox({
    rateLimit: { requests: 3, windowSeconds: 60 },
    credentials: { identity: keys.map((apiKey) => ({ apiKey })), portabl: [client] },
  });
});
afterAll(() => sandbox.close());

describe('Rate limit', () => {
  it('answers 429 too_many_requests with Retry-After past the limit, per API key, until the window ends', async () => {
    const list = (apikey: string) => sandbox.request('identity', 'GET', '/identities', { headers: { apikey } });
    for (let i = 0; i < 3; i++) expect((await list(keys[0]!)).status).toBe(200);
    sandbox.clock.advance(15_000);
    const limited = await list(keys[0]!);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('too_many_requests');
    expect(limited.headers.get('retry-after')).toBe('45');
    expect((await list(keys[1]!)).status).toBe(200);
    sandbox.clock.advance(45_000);
    expect((await list(keys[0]!)).status).toBe(200);
  });

  it('limits Portabl per client id, the token request included', async () => {
    const token = () => sandbox.request('portabl', 'POST', '/provider/token', { body: client });
    const first = await token();
    expect(first.status).toBe(200);
    const users = () =>
      sandbox.request('portabl', 'GET', '/provider/users', {
        headers: { authorization: `Bearer ${first.body.accessToken}` },
      });
    expect((await users()).status).toBe(200);
    expect((await users()).status).toBe(200);
    const limited = await token();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await users()).status).toBe(429);
  });

  it('is off by default, and its setting is checked', async () => {
    expect(parseRateLimit(undefined)).toBeUndefined();
    expect(parseRateLimit('off')).toBeUndefined();
    expect(parseRateLimit('100/60')).toEqual({ requests: 100, windowSeconds: 60 });
    expect(() => parseRateLimit('100 per minute')).toThrow(
      /SANDBOX_RATE_LIMIT="100 per minute" must be <requests>\/<seconds>/,
    );
  });
});
