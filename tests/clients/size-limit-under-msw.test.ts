// maxResponseBytes for an answer that msw (`@kyc-contracts/sdk/msw`) or another interceptor builds in place of the
// platform's fetch: such a Response is not cut at its Content-Length (as the HTTP layer cuts a body), so a body handed
// to the call unread (src/transport/fetch.ts isBounded) may be larger than the Content-Length that let it through.
// The transport checks the text it read against the limit (in characters, of which a UTF-8 body has no more than bytes).
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityClient, ResponseTooLargeError } from '../../src/identity/index.js';

const API_KEY = 'fake-api-key-size-limit-msw-2e90';
const BASE_URL = 'http://size-limit.example';
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const LIMIT = 1000;
const LARGE = JSON.stringify({ data: { id: ID, notes: 'x'.repeat(LIMIT * 10) } });

const server = setupServer(
  // A Content-Length within the limit, a body ten times past it.
  http.get(`${BASE_URL}/identities/:id`, () =>
    HttpResponse.text(LARGE, { headers: { 'content-type': 'application/json', 'content-length': '100' } }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('an msw answer larger than maxResponseBytes, under a Content-Length within it', () => {
  it('is refused with ResponseTooLargeError', async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: BASE_URL, maxResponseBytes: LIMIT });

    const error = await identity.GET('/identities/{id}', { params: { path: { id: ID } } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });
});
