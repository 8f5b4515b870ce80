import { describe, expect, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
import { createPortablClient } from '../../src/portabl/index.js';
import { loadBundle } from '../support/bundles.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

/** The URL a client sends its first API request to. */
async function firstApiUrl(send: (fetch: ReturnType<typeof fakeFetch>) => Promise<unknown>): Promise<string> {
  const fetch = fakeFetch((_request, recorded) =>
    recorded.path.endsWith('/provider/token')
      ? json({ tokenType: 'Bearer', scope: 'read:provider-users', accessToken: 'fake.access.token-1', expiresIn: 60 })
      : json({ users: [] }),
  );
  await send(fetch);
  const api = fetch.requests.find((r) => !r.path.endsWith('/provider/token'));
  return api?.url ?? '';
}

const credentials = { clientId: 'test-client-id', clientSecret: 'fake-client-secret-DO-NOT-USE-7f3a9c' };
const serversOf = (api: 'portabl' | 'identity') => loadBundle(api).servers?.map((s) => s.url);

describe('server selection', () => {
  it.each([
    ['production', 'https://api.getportabl.com/api/v1'],
    ['development', 'https://dev-api.getportabl.com/api/v1'],
  ] as const)('Portabl "%s" is the spec server %s', async (server, url) => {
    expect(serversOf('portabl')).toContain(url);
    expect(
      await firstApiUrl((fetch) => createPortablClient({ ...credentials, server, fetch }).GET('/provider/users')),
    ).toBe(`${url}/provider/users`);
  });

  it('Portabl defaults to production, the first server of its spec', async () => {
    expect(await firstApiUrl((fetch) => createPortablClient({ ...credentials, fetch }).GET('/provider/users'))).toBe(
      `${serversOf('portabl')?.[0]}/provider/users`,
    );
  });

  it.each([
    ['sandbox', 'https://api.sandbox.publicmint.io'],
    ['production', 'https://api.publicmint.io'],
  ] as const)('Identities "%s" is the spec server %s', async (server, url) => {
    expect(serversOf('identity')).toContain(url);
    expect(
      await firstApiUrl((fetch) =>
        createIdentityClient({ apiKey: 'fake-api-key-for-tests', server, fetch }).GET('/identities'),
      ),
    ).toBe(`${url}/identities`);
  });

  it('Identities defaults to sandbox, the first server of its spec (test data, not real identities)', async () => {
    expect(
      await firstApiUrl((fetch) =>
        createIdentityClient({ apiKey: 'fake-api-key-for-tests', fetch }).GET('/identities'),
      ),
    ).toBe('https://api.sandbox.publicmint.io/identities');
  });

  it('baseUrl overrides server, with or without a trailing slash', async () => {
    expect(
      await firstApiUrl((fetch) =>
        createIdentityClient({
          apiKey: 'fake-api-key-for-tests',
          server: 'production',
          baseUrl: 'http://127.0.0.1:4011/',
          fetch,
        }).GET('/identities'),
      ),
    ).toBe('http://127.0.0.1:4011/identities');
    expect(
      await firstApiUrl((fetch) =>
        createPortablClient({ ...credentials, baseUrl: 'http://127.0.0.1:4010/api/v1', fetch }).GET('/provider/users'),
      ),
    ).toBe('http://127.0.0.1:4010/api/v1/provider/users');
  });
});
