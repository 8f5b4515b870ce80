// Issue 9 item 7: the token manager accepted answers the spec forbids (expiresIn 1e308 or 0.001, no scope, a 1 MB
// token). The answer is now checked against the spec's AccessToken schema, and refused with TokenResponseError
// that names the field, never its value; no API request is sent with such a token.
import { describe, expect, it } from 'vitest';
import { TokenResponseError } from '../../../src/portabl/index.js';
import { json } from '../../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

const GOOD = {
  tokenType: 'Bearer',
  scope: 'read:provider-users',
  accessToken: 'fake.access.token-spec-check',
  expiresIn: 3600,
};

describe('token answers are checked against the spec', () => {
  it.each([
    ['expiresIn 1e308', { ...GOOD, expiresIn: 1e308 }, /\/expiresIn must be <= 31536000/],
    ['expiresIn 0.001', { ...GOOD, expiresIn: 0.001 }, /\/expiresIn must be integer/],
    ['no scope', (({ scope: _s, ...rest }) => rest)(GOOD), /must have required property 'scope'/],
    [
      'a 1 MB token',
      { ...GOOD, accessToken: 'a'.repeat(1_000_000) },
      /\/accessToken must NOT have more than 8192 characters/,
    ],
    ['a scope that is not a scope list', { ...GOOD, scope: 'everything!' }, /\/scope must match pattern/],
    [
      'a token too short to redact safely',
      { ...GOOD, accessToken: 'abc' },
      /accessToken is shorter than 12 characters/,
    ],
    // A constant of the Portabl spec (the invitation's media type) that the token pattern admits.
    [
      'a token inside a documented constant',
      { ...GOOD, accessToken: 'didcomm-plain' },
      /a token occurs inside a value the spec documents/,
    ],
  ])('%s: TokenResponseError, and no API request', async (_name, answer, reason) => {
    const server = fakePortabl({ token: () => json(answer) });
    const error = await server
      .client({ retry: false })
      .GET('/provider/users/{userId}/settings', settingsPath)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenResponseError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message.length).toBeLessThan(1_000);
    expect(server.apiRequests()).toEqual([]);
  });

  it('a conforming answer is used', async () => {
    const server = fakePortabl({ token: () => json(GOOD) });
    const result = await server.client().GET('/provider/users/{userId}/settings', settingsPath);
    expect(result.response.status).toBe(401); // the fake server did not issue this token itself: it reached the API
    expect(server.apiRequests()[0]?.headers['authorization']).toBe(`Bearer ${GOOD.accessToken}`);
  });
});
