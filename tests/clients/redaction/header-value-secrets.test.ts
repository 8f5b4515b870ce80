// A credential that cannot be a header value would make Headers.set throw a TypeError that quotes the whole
// value. The clients check such values first, at option time (API key) and on receipt (access token), with an
// error that names the field and never the value.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ClientOptionsError, createIdentityClient } from '../../../src/identity/index.js';
import { TokenResponseError } from '../../../src/portabl/index.js';
import { json } from '../../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

const everyText = (error: unknown) =>
  [String(error), (error as Error).stack ?? '', inspect(error, { showHidden: true, depth: Infinity })].join('\n');

describe('credentials that cannot be header values', () => {
  it.each([
    ['a NUL', 'fake-SECRET-KEY\u0000tail'],
    ['a line break', 'fake-SECRET-KEY\nInjected: header'],
    ['a non-ASCII letter', 'fake-SECRET-KEY-é'],
  ])('an API key with %s is refused when the client is created, without quoting it', (_what, apiKey) => {
    let error: unknown;
    try {
      createIdentityClient({ apiKey, baseUrl: 'http://127.0.0.1:4010' });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ClientOptionsError);
    expect((error as Error).message).toBe(
      'createIdentityClient: apiKey must contain only printable ASCII characters (it has a control or non-ASCII character)',
    );
    expect(everyText(error)).not.toContain('SECRET-KEY');
  });

  it('an access token with a line break fails as TokenResponseError that does not quote it, and is never sent', async () => {
    const token = 'fake.access.TOPSECRET-token\nX-Injected: yes';
    const server = fakePortabl({
      token: () =>
        json({ tokenType: 'Bearer', scope: 'read:provider-user-settings', accessToken: token, expiresIn: 3600 }),
    });

    const error = await server
      .client({ retry: false })
      .GET('/provider/users/{userId}/settings', settingsPath)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TokenResponseError);
    expect((error as Error).message).toBe(
      'createAccessToken answered HTTP 200 without a usable token: accessToken has characters an Authorization header cannot carry (RFC 6750 b64token: letters, digits, -._~+/ then optional =)',
    );
    expect(everyText(error)).not.toContain('TOPSECRET');
    expect(server.apiRequests()).toEqual([]);
  });
});
