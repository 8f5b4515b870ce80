// The sandbox on a real PostgreSQL server (the run's, started by support/postgres.setup.ts): the store contract
// suite, and two sandbox processes on one database serving one data set (this test's process and a child running
// `npm run sandbox`): what one creates the other reads, a token one issues the other accepts (same signing key),
// and the database alone decides the races.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/sandbox/store/index.js';
import { type SandboxProcess, spawnSandbox } from '../support/sandbox-command.js';
import { person, type SandboxClient, sandboxClient, startTestSandbox, type TestSandbox } from './support/sandbox.js';
import { describeStoreContract } from './support/store-contract.js';

const postgres = { url: inject('sandboxDatabaseUrl') };
let one: TestSandbox;
let child: SandboxProcess;
let two: SandboxClient;
let dir: string;
const shared = {
  signingKey: 'a-signing-key-both-sandboxes-share-0123456789',
  credentials: {
    identity: [{ apiKey: 'postgres-test-key-for-the-sandbox' }],
    portabl: [{ clientId: 'postgres-test-client', clientSecret: 'postgres-test-secret-for-the-sandbox' }],
  },
};
beforeAll(async () => {
  expect(postgres.url, 'this file runs in the sandbox-postgres project, whose global setup starts PostgreSQL').toMatch(
    /^postgres:/,
  );
  one = await startTestSandbox({ ...shared, databaseUrl: postgres.url });
  dir = mkdtempSync(path.join(tmpdir(), 'kyc-sandbox-pg-credentials-'));
  const credentialsFile = path.join(dir, 'credentials.json');
  writeFileSync(credentialsFile, JSON.stringify(shared.credentials));
  child = await spawnSandbox({
    DATABASE_URL: postgres.url,
    SANDBOX_CREDENTIALS: credentialsFile,
    SANDBOX_SIGNING_KEY: shared.signingKey,
  });
  two = sandboxClient({
    urls: child.urls,
    credentials: { portabl: shared.credentials.portabl, identity: shared.credentials.identity },
  });
}, 60_000);
afterAll(async () => {
  await Promise.allSettled([one?.close(), child?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('PostgreSQL', () => openStore({ databaseUrl: postgres.url }));

describe('Two sandboxes on one PostgreSQL serve one data set', () => {
  it('uses the PostgreSQL store in both processes', () => {
    expect(one.store.kind).toBe('postgres');
    expect(child.output()).toContain('store: postgres');
    expect(child.child.pid).not.toBe(process.pid);
  });

  it('reads through one what was created through the other, and sees its deletion', async () => {
    const created = (await one.identity('POST', '/identities', person())).body.data;
    expect((await two.identity('GET', `/identities/${created.id}`)).body.data).toEqual(created);
    expect((await two.identity('DELETE', `/identities/${created.id}`)).status).toBe(204);
    expect((await one.identity('GET', `/identities/${created.id}`)).status).toBe(404);
  });

  it('accepts on one a token issued by the other', async () => {
    const token = await one.token();
    const userId = randomUUID();
    expect(
      (await two.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } }, { token })).status,
    ).toBe(200);
    expect((await one.portabl('GET', `/provider/users/${userId}/settings`, undefined, { token })).body).toEqual({
      isSyncOn: true,
    });
  });

  it('lets exactly one of 50 concurrent creates with one email succeed across both', async () => {
    const body = person();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? one : two).identity('POST', '/identities', body)),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 400 && r.body.code === 'email_already_in_use')).toHaveLength(49);
  });

  it('starts a sync session once when both race to start it', async () => {
    const userId = randomUUID();
    await one.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } });
    const { id } = (await one.portabl('POST', `/provider/users/${userId}/sync-sessions`)).body.syncSession;
    const statuses = (
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? one : two).portabl('POST', `/provider/sync-sessions/${id}/start`),
        ),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  });

  it('keeps the identity rules on PostgreSQL: owner, confirmed lock, list filters', async () => {
    const owner = (await one.identity('POST', '/identities', person())).body.data;
    const firm = await two.identity('POST', '/identities', {
      ...person(),
      type: 'company',
      birthday: undefined,
      gender: undefined,
      identityOwner: owner.id,
      tax: { country: 'PT', idNumber: '5', formationRegion: 'Braga' },
    });
    expect(firm.status).toBe(200);
    expect(
      (await one.identity('POST', '/sandbox/identities/approve', { identityId: owner.id, email: owner.email })).status,
    ).toBe(200);
    const locked = await two.identity('PATCH', `/identities/${owner.id}`, { name: 'New Name' });
    expect(locked.status).toBe(422);
    const listed = await one.identity('GET', `/identities?filter[identityOwner]=${owner.id}`);
    expect(listed.body.data.map((i: any) => i.id)).toEqual([firm.body.data.id]);
  });
});
