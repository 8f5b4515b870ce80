// Credentials only ever go to the configured origin. A redirect is refused with RedirectRefusedError instead of
// followed: fetch's own rules would send the Identities `apikey` header (undici drops only Authorization) and a
// 307/308 token request body with the client secret to whatever origin the Location names.
// Real sockets here, not a fake fetch: the point is what the runtime's fetch would do with a redirect.
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentityClient, RedirectRefusedError } from '../../src/identity/index.js';
import { createPortablClient } from '../../src/portabl/index.js';
import { CLIENT_ID, CLIENT_SECRET, settingsPath } from '../support/fake-portabl.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-identity-api-key-for-redirect-tests';

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: FakeHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server on 127.0.0.1 (a free port) that records each request and answers it with `answer`. */
async function server(
  answer: (url: string, reply: (status: number, headers: Record<string, string>, body?: string) => void) => void,
) {
  const s = await startHttpServer(({ url }, res) =>
    answer(url, (status, headers, text) => {
      res.writeHead(status, headers);
      res.end(text);
    }),
  );
  servers.push(s);
  const received: Received[] = s.received;
  return { origin: s.origin, received };
}

/** Another origin (a different port) that would happily answer anything. */
const elsewhere = () => server((_url, reply) => reply(200, { 'content-type': 'application/json' }, '{}'));

const token = JSON.stringify({
  tokenType: 'Bearer',
  scope: 'read:provider-user-settings',
  accessToken: 'fake.access.token-redirect',
  expiresIn: 3600,
});

describe('redirects', () => {
  it('refuses a cross-origin redirect of an Identities call without sending the API key there', async () => {
    const other = await elsewhere();
    const api = await server((_url, reply) => reply(302, { location: `${other.origin}/identities?copied=1` }));
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: api.origin, retry: false });

    const error = await identity.GET('/identities').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({
      method: 'GET',
      url: `${api.origin}/identities`,
      status: 302,
      location: `${other.origin}/identities`,
    });
    expect((error as Error).message).toBe(
      `GET ${api.origin}/identities answered HTTP 302 pointing to ${other.origin}/identities; the client follows no redirect, ` +
        'so that its credentials are only ever sent to baseUrl: set baseUrl (or server) to where the API answers',
    );
    expect(api.received[0]?.headers['apikey']).toBe(API_KEY);
    expect(other.received).toEqual([]);
  });

  it('refuses a cross-origin redirect of a Portabl call without sending the bearer token there', async () => {
    const other = await elsewhere();
    const api = await server((url, reply) =>
      url === '/provider/token'
        ? reply(200, { 'content-type': 'application/json' }, token)
        : reply(301, { location: `${other.origin}${url}` }),
    );
    const portabl = createPortablClient({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      baseUrl: api.origin,
      retry: false,
    });

    const error = await portabl.GET('/provider/users/{userId}/settings', settingsPath).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect((error as RedirectRefusedError).status).toBe(301);
    expect(api.received.map((r) => r.headers['authorization'])).toEqual([
      undefined,
      'Bearer fake.access.token-redirect',
    ]);
    expect(other.received).toEqual([]);
  });

  it('refuses a 307 of the token request without resending the client secret to the other origin', async () => {
    const other = await elsewhere();
    const api = await server((_url, reply) => reply(307, { location: `${other.origin}/provider/token` }));
    const portabl = createPortablClient({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      baseUrl: api.origin,
      retry: false,
    });

    const error = await portabl.GET('/provider/users/{userId}/settings', settingsPath).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(JSON.parse(api.received[0]?.body ?? '')).toMatchObject({ clientSecret: CLIENT_SECRET });
    expect(other.received).toEqual([]);
  });

  it('refuses a same-origin redirect too: the specs document no 3xx answer, so it means a wrong baseUrl', async () => {
    const api = await server((url, reply) =>
      url === '/identities'
        ? reply(308, { location: '/v2/identities' })
        : reply(200, { 'content-type': 'application/json' }, '{}'),
    );
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: api.origin, retry: false });

    const error = await identity.GET('/identities').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect((error as RedirectRefusedError).location).toBe(`${api.origin}/v2/identities`);
    expect(api.received.map((r) => r.url)).toEqual(['/identities']);
  });
});
