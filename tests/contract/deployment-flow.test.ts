// Deployment mode, end to end, in process: the same plan and runner operations.test.ts uses against a CONTRACT_*_URL
// deployment, pointed at stateful fakes of each API (support/fake-*-deployment.ts) that make up their own ids and
// answer 404 for any other. The flow passes only if every case addresses what the earlier answers created, and the
// requests the fakes received show which ids were used.
import { afterEach, describe, expect, it } from 'vitest';
import { identityContract, type IdentityRun } from './cases/identity.js';
import { portablContract, type PortablRun } from './cases/portabl.js';
import { createIdentityFor } from './support/clients.js';
import { NotApplicable, planExchanges, type ApiContract } from './support/contract-cases.js';
import { startFakeIdentityDeployment, type FakeIdentityDeployment } from './support/fake-identity-deployment.js';
import { startFakePortablDeployment, type FakePortablDeployment } from './support/fake-portabl-deployment.js';
import { runExchange } from './support/run-exchange.js';
import type { IdentityTarget, PortablTarget, TargetKind } from './support/targets.js';

/** Runs a table's deployment plan in order, as operations.test.ts does, collecting what passed and what did not apply. */
async function runDeploymentFlow<Client, Target extends { kind: TargetKind; baseUrl: string }, Run>(
  contract: ApiContract<Client, Target, Run>,
  target: Target,
  { stopAfter = Infinity } = {},
) {
  const plan = planExchanges(contract, 'deployment');
  const run = contract.newRun(target);
  const passed: string[] = [];
  const notApplicable: { title: string; reason: string }[] = [];
  for (const planned of plan.runnable.slice(0, stopAfter)) {
    try {
      await runExchange(contract, target, planned, run);
      passed.push(planned.title);
    } catch (error) {
      if (!(error instanceof NotApplicable)) throw error;
      notApplicable.push({ title: planned.title, reason: error.reason });
    }
  }
  return { passed, notApplicable, run };
}

const fakes: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function identityDeployment(answersDocumentIds: boolean): Promise<[FakeIdentityDeployment, IdentityTarget]> {
  const fake = await startFakeIdentityDeployment({ answersDocumentIds });
  fakes.push(fake);
  return [fake, { kind: 'deployment', baseUrl: fake.url, apiKey: fake.apiKey }];
}

describe('Identities API against a stateful fake deployment', () => {
  it('the fake is stateful: the id of the spec\'s examples is unknown to it (404), so fixed example ids could not pass', async () => {
    const [, target] = await identityDeployment(true);
    const { response, error } = await createIdentityFor(target).GET('/identities/{id}', { params: { path: { id: '38882f21-ce8f-4e18-8b83-e43e082912ef' } } });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 'identity_not_found' });
  });

  it('creates an identity, addresses it by the id the create answered (and its document), then deletes it', async () => {
    const [fake, target] = await identityDeployment(true);
    const { passed, notApplicable, run } = await runDeploymentFlow(identityContract, target);

    expect(notApplicable).toEqual([]);
    expect(passed).toHaveLength(8);
    const { id } = (run as IdentityRun).identity!;
    const documentId = (run as IdentityRun).documentId;
    expect(id).not.toBe('38882f21-ce8f-4e18-8b83-e43e082912ef');
    expect(documentId).toBeDefined();
    expect(fake.requests).toEqual([
      'POST /identities',
      `GET /identities/${id}`,
      `GET /identities?filter[id]=${id}&filter[type]=person&page[size]=2&page[number]=1&sort=-createdAt`,
      `GET /identities/${id}/operations`,
      `PATCH /identities/${id}`,
      'POST /sandbox/identities/approve',
      `GET /identities/${id}/documents/${documentId}/presign-url`,
      `DELETE /identities/${id}`,
    ]);
    expect(fake.storedIds(), 'the flow deletes what it created').toEqual([]);
  });

  it('a run that stopped before its delete leaves its identity behind; the next run passes anyway: its email is its own', async () => {
    const [fake, target] = await identityDeployment(true);
    const stopped = await runDeploymentFlow(identityContract, target, { stopAfter: 1 });
    const next = await runDeploymentFlow(identityContract, target);
    expect(stopped.passed).toEqual(['createIdentity → 200']);
    expect(next.passed).toHaveLength(8);
    expect(fake.storedIds()).toEqual([(stopped.run as IdentityRun).identity!.id]);
  });

  it('an identity answered without document ids: the presign case is reported as not applicable, by name, with the reason', async () => {
    const [fake, target] = await identityDeployment(false);
    const { passed, notApplicable } = await runDeploymentFlow(identityContract, target);

    expect(notApplicable).toEqual([{ title: 'getIdentityDocumentPresignUrl → 200', reason: expect.stringMatching(/carries no document id/) }]);
    expect(passed).toHaveLength(7);
    expect(fake.requests.some((r) => r.includes('presign-url'))).toBe(false);
    expect(fake.storedIds()).toEqual([]);
  });
});

describe('Portabl Core API against a stateful fake deployment', () => {
  it('upserts a user under a fresh id before reading it, and starts the sync session the create answered', async () => {
    const fake: FakePortablDeployment = await startFakePortablDeployment();
    fakes.push(fake);
    const target: PortablTarget = { kind: 'deployment', baseUrl: fake.url, clientId: fake.clientId, clientSecret: fake.clientSecret };
    const { passed, notApplicable, run } = await runDeploymentFlow(portablContract, target);

    expect(notApplicable).toEqual([]);
    expect(passed).toHaveLength(10);
    const { userId, syncSessionId } = run as PortablRun;
    expect(fake.userIds()).toEqual([userId]);
    expect(fake.syncSessions()).toEqual([{ id: syncSessionId, userId, started: true }]);
    // Each case gets a fresh client, which asks for its own token first: those requests are left out.
    expect(fake.requests.filter((r) => r !== 'POST /provider/token')).toEqual([
      `PUT /provider/users/${userId}`,
      `GET /provider/users/${userId}/settings`,
      `PUT /provider/users/${userId}/settings`,
      `PUT /provider/users/${userId}/claims`,
      `GET /provider/users/${userId}/claims`,
      'GET /provider/users',
      'GET /provider/data-profiles/latest/datapoints',
      `POST /provider/users/${userId}/sync-sessions`,
      `POST /provider/sync-sessions/${syncSessionId}/start`,
    ]);
  });
});
