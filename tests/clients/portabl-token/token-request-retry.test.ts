import { describe, expect, it } from 'vitest';
import { json } from '../../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

// The token request is the one POST the client retries: issuing a token twice has no lasting effect.
describe('token request retries', () => {
  it.each([500, 502, 503, 504])('retries the token request answered %i and then uses the token', async (status) => {
    let failures = 1;
    const server = fakePortabl({
      token: () => (failures-- > 0 ? json({ code: 'internal_error', message: 'oops' }, status) : undefined),
    });

    const { response } = await server.client().GET('/provider/users/{userId}/settings', settingsPath);

    expect(response.status).toBe(200);
    expect(server.tokenRequests()).toHaveLength(2);
  });

  it('does not retry a token request refused with 401 (wrong credentials)', async () => {
    const server = fakePortabl({ token: () => json({ code: 'invalid_client', message: 'Unknown client.' }, 401) });

    const error = await server
      .client()
      .GET('/provider/users/{userId}/settings', settingsPath)
      .catch((e: unknown) => e);

    expect((error as Error).name).toBe('TokenRequestError');
    expect((error as Error).message).toBe('createAccessToken failed with HTTP 401 (invalid_client): Unknown client.');
    expect(server.tokenRequests()).toHaveLength(1);
    expect(server.apiRequests()).toHaveLength(0);
  });
});
