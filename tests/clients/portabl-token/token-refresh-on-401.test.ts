import { describe, expect, it } from 'vitest';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

describe('Portabl 401 handling', () => {
  it('on a 401 gets a new token once and resends the request once, with its body', async () => {
    // Echoes the request body (a GET has none: then the settings the spec documents).
    const server = fakePortabl({
      api: (_request, recorded) =>
        new Response(recorded.body || '{"isSyncOn":true}', { headers: { 'content-type': 'application/json' } }),
    });
    const portabl = server.client();
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    server.valid.delete('fake.access.token-1'); // revoked server-side before it expired

    const { data, response } = await portabl.PUT('/provider/users/{userId}/settings', {
      ...settingsPath,
      body: { settings: { isSyncOn: false } },
    });

    expect(response.status).toBe(200);
    expect(data).toEqual({ settings: { isSyncOn: false } });
    expect(server.tokenRequests()).toHaveLength(2);
    const puts = server.apiRequests().filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.headers['authorization'])).toEqual([
      'Bearer fake.access.token-1',
      'Bearer fake.access.token-2',
    ]);
    expect(puts.map((r) => r.body)).toEqual([
      JSON.stringify({ settings: { isSyncOn: false } }),
      JSON.stringify({ settings: { isSyncOn: false } }),
    ]);
  });

  it('resends a POST after a 401 too: the refused request had no effect', async () => {
    const server = fakePortabl({ api: () => new Response(null, { status: 202 }) });
    const portabl = server.client();
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    server.valid.clear();

    const { response } = await portabl.POST('/provider/sync-sessions/{syncSessionId}/start', {
      params: { path: { syncSessionId: 'add04a97-161b-448a-9b89-10ae5b220c26' } },
    });

    expect(response.status).toBe(202);
    expect(server.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});
