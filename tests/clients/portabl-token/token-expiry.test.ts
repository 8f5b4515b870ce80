import { describe, expect, it } from 'vitest';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

// Tokens are renewed 60 s before expiresIn runs out (or at half their life, if that is shorter).
describe('Portabl access token expiry', () => {
  it('keeps the token until 60 s before it expires, then requests a new one', async () => {
    const server = fakePortabl({ expiresIn: 3600 });
    const portabl = server.client();

    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    server.clock.advance(3600_000 - 60_000 - 1);
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    expect(server.tokenRequests()).toHaveLength(1);

    server.clock.advance(1);
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    expect(server.tokenRequests()).toHaveLength(2);
    expect(server.apiRequests().at(-1)?.headers['authorization']).toBe('Bearer fake.access.token-2');
  });

  it('keeps a short-lived token for half its life instead of renewing it on every call', async () => {
    const server = fakePortabl({ expiresIn: 30 });
    const portabl = server.client();

    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    server.clock.advance(14_999);
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    expect(server.tokenRequests()).toHaveLength(1);

    server.clock.advance(1);
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    expect(server.tokenRequests()).toHaveLength(2);
  });
});
