// Middleware a caller registers with client.use gets the Request openapi-fetch built, before and after the call
// (onRequest, onResponse, onError). Loggers and tracers print it, so it must never carry the API key or a token:
// the clients add them to a copy that only the transport sees.
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../support/fake-portabl.js';

const API_KEY = 'fake-api-key-for-middleware-tests';

/** Records the credential headers of the request each hook is given. */
function spy() {
  const seen: string[] = [];
  const note = (hook: string, request: Request) =>
    void seen.push(
      `${hook} apikey=${request.headers.get('apikey')} authorization=${request.headers.get('authorization')}`,
    );
  const middleware: Middleware = {
    onRequest: ({ request }) => note('onRequest', request),
    onResponse: ({ request }) => note('onResponse', request),
    onError: ({ request }) => note('onError', request),
  };
  return { seen, middleware };
}

describe('credentials and caller middleware', () => {
  it('onResponse of an Identities call sees no API key, though the server received it', async () => {
    const fetch = fakeFetch(() => json({ total: 0, data: [] }));
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch });
    const { seen, middleware } = spy();
    identity.use(middleware);

    await identity.GET('/identities');

    expect(seen).toEqual(['onRequest apikey=null authorization=null', 'onResponse apikey=null authorization=null']);
    expect(fetch.requests[0]?.headers['apikey']).toBe(API_KEY);
  });

  it('onError of an Identities call that fails on the network sees no API key', async () => {
    const identity = createIdentityClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      retry: false,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const { seen, middleware } = spy();
    identity.use(middleware);

    await identity.GET('/identities').catch(() => undefined);

    expect(seen).toEqual(['onRequest apikey=null authorization=null', 'onError apikey=null authorization=null']);
  });

  it('onResponse of a Portabl call resent after a 401 sees no bearer token', async () => {
    const server = fakePortabl();
    const portabl = server.client();
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    server.valid.clear(); // the first token is refused from now on, so the next call is resent with a new one
    const { seen, middleware } = spy();
    portabl.use(middleware);

    const { response } = await portabl.GET('/provider/users/{userId}/settings', settingsPath);

    expect(response.status).toBe(200);
    expect(seen).toEqual(['onRequest apikey=null authorization=null', 'onResponse apikey=null authorization=null']);
    expect(server.apiRequests().map((r) => r.headers['authorization'])).toEqual([
      'Bearer fake.access.token-1',
      'Bearer fake.access.token-1',
      'Bearer fake.access.token-2',
    ]);
  });
});
