// Each credential is a tenant: another tenant's id answers exactly as an unknown id does (no existence leak),
// lists show only the tenant's own records, and emails are unique per tenant only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
const A = { apikey: 'tenant-a-key-for-the-sandbox-tests' };
const B = { apikey: 'tenant-b-key-for-the-sandbox-tests' };
const clientA = { clientId: 'tenant-a', clientSecret: 'tenant-a-secret-for-the-sandbox-tests' };
const clientB = { clientId: 'tenant-b', clientSecret: 'tenant-b-secret-for-the-sandbox-tests' };
beforeAll(async () => {
  sandbox = await startTestSandbox({
    credentials: { identity: [{ apiKey: A.apikey }, { apiKey: B.apikey }], portabl: [clientA, clientB] },
  });
});
afterAll(() => sandbox.close());

const asIdentity = (headers: { apikey: string }, method: string, path: string, body?: unknown) =>
  sandbox.request('identity', method, path, { headers, body });
const bearer = async (client: typeof clientA) => {
  const reply = await sandbox.request('portabl', 'POST', '/provider/token', { body: client });
  return { authorization: `Bearer ${reply.body.accessToken}` };
};
/** The answer without the id it names, so that "foreign" and "unknown" can be compared whole. */
const shape = (reply: { status: number; body: any }, id: string) => ({
  status: reply.status,
  body: JSON.parse(JSON.stringify(reply.body).replaceAll(id, 'ID')),
});

describe('Tenants: Identities API', () => {
  it("answers another tenant's identity exactly as an unknown one, on every operation", async () => {
    const mine = (await asIdentity(A, 'POST', '/identities', person())).body.data;
    const unknown = randomUUID();
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'Taken Over' }],
      ['DELETE', '', undefined],
      ['GET', '/operations', undefined],
      ['GET', `/documents/${randomUUID()}/presign-url`, undefined],
    ] as const) {
      const foreign = await asIdentity(B, method, `/identities/${mine.id}${suffix}`, body);
      const missing = await asIdentity(B, method, `/identities/${unknown}${suffix}`, body);
      expect(foreign.status, `${method} ${suffix}`).toBe(404);
      expect(shape(foreign, mine.id)).toEqual(shape(missing, unknown));
    }
    const approve = await asIdentity(B, 'POST', '/sandbox/identities/approve', {
      identityId: mine.id,
      email: mine.email,
    });
    expect(approve.status).toBe(404);
    expect((await asIdentity(A, 'GET', `/identities/${mine.id}`)).body.data).toEqual(mine);
  });

  it("lists only the tenant's own identities, and refuses another tenant's identity as an owner (404)", async () => {
    const mine = (await asIdentity(A, 'POST', '/identities', person())).body.data;
    const listed = await asIdentity(B, 'GET', `/identities?filter[id]=${mine.id}`);
    expect(listed.body).toEqual({ total: 0, data: [] });
    const owned = await asIdentity(B, 'POST', '/identities', {
      ...person(),
      type: 'company',
      birthday: undefined,
      gender: undefined,
      identityOwner: mine.id,
      tax: { country: 'PT', idNumber: '1', formationRegion: 'Braga' },
    });
    expect(owned.status).toBe(404);
    expect(owned.body.code).toBe('identity_owner_not_found');
  });

  it('keeps emails unique per tenant, not across tenants', async () => {
    const body = person();
    expect((await asIdentity(A, 'POST', '/identities', body)).status).toBe(200);
    expect((await asIdentity(B, 'POST', '/identities', body)).status).toBe(200);
  });

  it('refuses a missing or unknown API key with 401 unauthorized', async () => {
    expect((await sandbox.request('identity', 'GET', '/identities')).status).toBe(401);
    const unknown = await asIdentity({ apikey: 'not-a-key-of-this-sandbox' }, 'GET', '/identities');
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('unauthorized');
  });
});

describe('Tenants: Portabl Core API', () => {
  it("answers another client's user and sync session exactly as unknown ones", async () => {
    const a = await bearer(clientA);
    const b = await bearer(clientB);
    const userId = randomUUID();
    await sandbox.request('portabl', 'PUT', `/provider/users/${userId}`, {
      headers: a,
      body: { settings: { isSyncOn: true } },
    });
    const session = (
      await sandbox.request('portabl', 'POST', `/provider/users/${userId}/sync-sessions`, { headers: a })
    ).body.syncSession;
    const unknownUser = randomUUID();
    for (const suffix of ['/settings', '/claims']) {
      const foreign = await sandbox.request('portabl', 'GET', `/provider/users/${userId}${suffix}`, { headers: b });
      const missing = await sandbox.request('portabl', 'GET', `/provider/users/${unknownUser}${suffix}`, {
        headers: b,
      });
      expect(shape(foreign, userId)).toEqual(shape(missing, unknownUser));
      expect(foreign.status).toBe(404);
    }
    const unknownSession = randomUUID();
    const foreignStart = await sandbox.request('portabl', 'POST', `/provider/sync-sessions/${session.id}/start`, {
      headers: b,
    });
    const missingStart = await sandbox.request('portabl', 'POST', `/provider/sync-sessions/${unknownSession}/start`, {
      headers: b,
    });
    expect(shape(foreignStart, session.id)).toEqual(shape(missingStart, unknownSession));
    expect(
      (await sandbox.request('portabl', 'GET', '/provider/users', { headers: b })).body.users.map((u: any) => u.id),
    ).not.toContain(userId);
    // The owner can still start it: the foreign attempt changed nothing.
    expect(
      (await sandbox.request('portabl', 'POST', `/provider/sync-sessions/${session.id}/start`, { headers: a })).status,
    ).toBe(202);
  });
});
