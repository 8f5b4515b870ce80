import { describe, expect, it } from 'vitest';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

describe('Portabl token single flight', () => {
  it('sends ONE token request for 50 concurrent calls, and all 50 use that token', async () => {
    const server = fakePortabl();
    const portabl = server.client();

    const results = await Promise.all(
      Array.from({ length: 50 }, () => portabl.GET('/provider/users/{userId}/settings', settingsPath)),
    );

    const tokenRequests = server.tokenRequests().length;
    console.log(`token requests for 50 concurrent calls: ${tokenRequests}`);
    expect(tokenRequests).toBe(1);
    expect(results.map((r) => r.response.status)).toEqual(Array(50).fill(200));
    expect(new Set(server.apiRequests().map((r) => r.headers['authorization']))).toEqual(
      new Set(['Bearer fake.access.token-1']),
    );
  });

  it('sends ONE refresh when 50 concurrent calls are all refused with 401', async () => {
    const server = fakePortabl();
    const portabl = server.client();
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    server.valid.clear(); // the server revokes token 1

    const results = await Promise.all(
      Array.from({ length: 50 }, () => portabl.GET('/provider/users/{userId}/settings', settingsPath)),
    );

    expect(server.tokenRequests()).toHaveLength(2);
    expect(results.every((r) => r.response.status === 200)).toBe(true);
  });

  it('shares a failed token request among concurrent callers, and tries again on the next call', async () => {
    let refuse = true;
    const server = fakePortabl({
      token: () =>
        refuse ? new Response(JSON.stringify({ code: 'invalid_client', message: 'bad' }), { status: 401 }) : undefined,
    });
    const portabl = server.client();

    const failures = await Promise.allSettled(
      Array.from({ length: 10 }, () => portabl.GET('/provider/users/{userId}/settings', settingsPath)),
    );
    expect(failures.every((f) => f.status === 'rejected')).toBe(true);
    expect(server.tokenRequests()).toHaveLength(1);

    refuse = false;
    const { response } = await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    expect(response.status).toBe(200);
    expect(server.tokenRequests()).toHaveLength(2);
  });
});
