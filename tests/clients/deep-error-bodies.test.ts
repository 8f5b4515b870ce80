// Issue 9 item 4: no shape of body may keep a caller from getting the typed error. A deeply nested error body made
// unwrap() throw RangeError (the redactor recursed); logging the error (JSON.stringify) must not overflow either.
import { describe, expect, it } from 'vitest';
import { ApiError, createIdentityClient, isIdentityApiError, unwrap } from '../../src/identity/index.js';
import { BASE_URL, fakeFetch } from '../support/fake-fetch.js';

const KEY = 'fake-api-key-for-deep-bodies';

describe('deeply nested error bodies', () => {
  it.each([
    ['5,000 levels of arrays (10 kB)', '['.repeat(5_000) + ']'.repeat(5_000)],
    [
      '5,000 levels of objects quoting the key at the bottom',
      '{"a":'.repeat(5_000) + JSON.stringify(KEY) + '}'.repeat(5_000),
    ],
    ['200,000 levels (400 kB)', '['.repeat(200_000) + ']'.repeat(200_000)],
  ])('%s: unwrap throws the ApiError, whose message, JSON and stack hold no key', async (_name, body) => {
    const fetch = fakeFetch(() => new Response(body, { status: 404, headers: { 'content-type': 'application/json' } }));
    const identity = createIdentityClient({ apiKey: KEY, baseUrl: BASE_URL, fetch });
    const result = await identity.GET('/identities/{id}', {
      params: { path: { id: '0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11' } },
    });
    let caught: unknown;
    try {
      unwrap(result);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect(isIdentityApiError(caught, 'getIdentity', 404)).toBe(true);
    const json = JSON.stringify(caught);
    for (const text of [(caught as Error).message, json, String((caught as Error).stack)])
      expect(text).not.toContain(KEY);
    // The first levels are kept, the rest is marked.
    expect(json).toContain('[nested too deep]');
  });
});
