import { describe, expect, it } from 'vitest';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

describe('Portabl access token reuse', () => {
  it('requests one token and sends it on every call while it is fresh', async () => {
    const server = fakePortabl({ expiresIn: 3600 });
    const portabl = server.client();

    for (let i = 0; i < 3; i++) {
      const { response } = await portabl.GET('/provider/users/{userId}/settings', settingsPath);
      expect(response.status).toBe(200);
      server.clock.advance(60_000);
    }

    expect(server.tokenRequests()).toHaveLength(1);
    expect(server.apiRequests().map((r) => r.headers['authorization'])).toEqual([
      'Bearer fake.access.token-1',
      'Bearer fake.access.token-1',
      'Bearer fake.access.token-1',
    ]);
  });

  it('sends the client id and secret only in the token request body, as JSON', async () => {
    const server = fakePortabl();
    await server
      .client({ scopes: ['read:provider-user-settings'] })
      .GET('/provider/users/{userId}/settings', settingsPath);

    const [tokenRequest] = server.tokenRequests();
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.headers['authorization']).toBeUndefined();
    expect(JSON.parse(tokenRequest?.body ?? '')).toEqual({
      clientId: 'test-client-id',
      clientSecret: 'fake-client-secret-DO-NOT-USE-7f3a9c',
      scopes: ['read:provider-user-settings'],
    });
    for (const apiRequest of server.apiRequests()) {
      expect(JSON.stringify(apiRequest)).not.toContain('fake-client-secret');
    }
  });
});
