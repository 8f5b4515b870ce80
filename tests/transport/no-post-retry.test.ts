import { describe, expect, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';
import { fakePortabl, USER_ID } from '../support/fake-portabl.js';
import { transportWith } from '../support/transport.js';

const unavailable = () => json({ code: 'unavailable', message: 'try later' }, 503, { 'retry-after': '1' });

describe('POST and PATCH are not retried', () => {
  it.each(['POST', 'PATCH'])('sends a %s once, even when answered 503 with Retry-After', async (method) => {
    const { transport, fetch, clock } = transportWith(unavailable);

    const response = await transport(new Request(`${BASE_URL}/identities`, { method, body: '{}' }));

    expect(response.status).toBe(503);
    expect(fetch.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('createSyncSession (POST) answered 503 reaches the caller after one request', async () => {
    const server = fakePortabl({ api: unavailable });

    const { response } = await server
      .client()
      .POST('/provider/users/{userId}/sync-sessions', { params: { path: { userId: USER_ID } } });

    expect(response.status).toBe(503);
    expect(server.apiRequests()).toHaveLength(1);
  });

  it('updateIdentity (PATCH) answered 502 reaches the caller after one request', async () => {
    const fetch = fakeFetch(() => json({ code: 'bad_gateway', message: 'upstream' }, 502));
    const identity = createIdentityClient({
      apiKey: 'fake-api-key-for-tests',
      baseUrl: BASE_URL,
      fetch,
      clock: new FakeClock(),
    });

    const { response } = await identity.PATCH('/identities/{id}', {
      params: { path: { id: '0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11' } },
      body: { name: 'Jane Doe' },
    });

    expect(response.status).toBe(502);
    expect(fetch.requests).toHaveLength(1);
  });
});
