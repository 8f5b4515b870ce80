// Issue 9 item 9: a `headers` client option (a correlation id, a `Prefer` for every call), as openapi-fetch has it,
// that can neither set nor read the credential header.
import { describe, expect, it } from 'vitest';
import { ClientOptionsError, createIdentityClient } from '../../src/identity/index.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../support/fake-portabl.js';

const KEY = 'fake-api-key-for-tests';

describe('default headers', () => {
  it('are sent with every Identities call; a call’s own headers win; the apikey stays the client’s', async () => {
    const fetch = fakeFetch(() => json({ total: 0, data: [] }));
    const identity = createIdentityClient({
      apiKey: KEY,
      baseUrl: BASE_URL,
      fetch,
      headers: { 'x-correlation-id': 'corr-1', prefer: 'code=200' },
    });
    await identity.GET('/identities');
    await identity.GET('/identities', { headers: { prefer: 'code=404', apikey: 'fake-other-key-from-a-call' } });
    expect(
      fetch.requests.map((r) => [r.headers['x-correlation-id'], r.headers['prefer'], r.headers['apikey']]),
    ).toEqual([
      ['corr-1', 'code=200', KEY],
      ['corr-1', 'code=404', KEY],
    ]);
  });

  it('are sent with Portabl calls but not with the token request the client makes itself; Authorization stays the client’s', async () => {
    const server = fakePortabl();
    // A Prefer meant for the caller's calls must not turn the token request into a 404 against the mock.
    const portabl = server.client({ headers: new Headers({ 'x-correlation-id': 'corr-2', prefer: 'code=404' }) });
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    expect(server.fetch.requests.map((r) => [r.path, r.headers['x-correlation-id'], r.headers['prefer']])).toEqual([
      ['/provider/token', undefined, undefined],
      [`/provider/users/${settingsPath.params.path.userId}/settings`, 'corr-2', 'code=404'],
    ]);
    expect(server.apiRequests()[0]?.headers['authorization']).toBe('Bearer fake.access.token-1');
  });

  it('accept [name, value] pairs', async () => {
    const fetch = fakeFetch(() => json({ total: 0, data: [] }));
    await createIdentityClient({ apiKey: KEY, baseUrl: BASE_URL, fetch, headers: [['x-request-source', 'batch']] }).GET(
      '/identities',
    );
    expect(fetch.requests[0]?.headers['x-request-source']).toBe('batch');
  });

  it.each([
    [
      { apikey: 'fake-api-key-sneaked-in' },
      'createIdentityClient: headers must not set "apikey": the client sets its credential header itself',
    ],
    [{ APIKEY: 'fake-api-key-sneaked-in' }, 'createIdentityClient: headers must not set "apikey"'],
    [{ 'x-id': 'line\nbreak-fake-api-key' }, 'createIdentityClient: headers has a name or value a header cannot carry'],
    ['x-id: 1', 'createIdentityClient: headers must be an object, a Headers or [name, value] pairs (got string)'],
  ])('refuse %j without quoting a value', (headers, message) => {
    const call = () => createIdentityClient({ apiKey: KEY, headers: headers as never });
    expect(call).toThrow(ClientOptionsError);
    expect(call).toThrow(message);
    try {
      call();
    } catch (e) {
      expect((e as Error).message).not.toMatch(/sneaked|break-fake/);
    }
  });

  it('Portabl refuses Authorization among them', () => {
    const server = fakePortabl();
    expect(() => server.client({ headers: { Authorization: 'Bearer fake-token-of-someone-else' } })).toThrow(
      'headers must not set "authorization"',
    );
  });
});
