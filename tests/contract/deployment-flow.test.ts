// Deployment mode, end to end, in process: the same plan and runner operations.test.ts uses against a CONTRACT_*_URL
// deployment, pointed at the stateful sandbox (src/sandbox), which makes up its own ids and answers 404 for any
// other. The flow passes only if every case addresses what the earlier answers created; the sandbox's state after
// the flow shows which ids were used.

import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityClient } from '../../src/identity/index.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { type IdentityRun, identityContract } from './cases/identity.js';
import { type PortablRun, portablContract } from './cases/portabl.js';
import { createIdentityFor } from './support/clients.js';
import { type ApiContract, NotApplicable, planExchanges } from './support/contract-cases.js';
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

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});

async function identityDeployment(): Promise<[Sandbox, IdentityTarget]> {
  const sandbox = await startSandbox();
  sandboxes.push(sandbox);
  return [
    sandbox,
    { kind: 'deployment', baseUrl: sandbox.urls.identity, apiKey: sandbox.credentials.identity[0]!.apiKey },
  ];
}

/** The ids of every identity the target holds, read through the API itself. */
async function storedIds(target: IdentityTarget): Promise<string[]> {
  const { data } = await createIdentityFor(target).GET('/identities', { params: { query: { all: true } } });
  return (data?.data ?? []).map((identity) => identity.id);
}

/** The identity table with a create that sends no document, so that its answer carries no document id. */
const withoutDocuments: typeof identityContract = {
  ...identityContract,
  cases: identityContract.cases.map((c) =>
    c.operationId !== 'createIdentity'
      ? c
      : {
          ...c,
          send: (client, headers, context) =>
            c.send(
              new Proxy(client, {
                get: (target, property) =>
                  property === 'POST'
                    ? (path: string, init: { body: Record<string, unknown> }) =>
                        target.POST(
                          path as '/identities',
                          { ...init, body: { ...init.body, documents: undefined } } as never,
                        )
                    : Reflect.get(target, property),
              }) as IdentityClient,
              headers,
              context,
            ),
        },
  ),
};

describe('Identities API against the sandbox as a deployment', () => {
  it("the sandbox is stateful: the id of the spec's examples is unknown to it (404), so fixed example ids could not pass", async () => {
    const [, target] = await identityDeployment();
    const { response, error } = await createIdentityFor(target).GET('/identities/{id}', {
      params: { path: { id: '38882f21-ce8f-4e18-8b83-e43e082912ef' } },
    });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 'identity_not_found' });
  });

  it('creates an identity, addresses it by the id the create answered (and its document), then deletes it', async () => {
    const [, target] = await identityDeployment();
    const { passed, notApplicable, run } = await runDeploymentFlow(identityContract, target);

    expect(notApplicable).toEqual([]);
    expect(passed).toHaveLength(8);
    const { id } = (run as IdentityRun).identity!;
    expect(id).not.toBe('38882f21-ce8f-4e18-8b83-e43e082912ef');
    expect((run as IdentityRun).documentId).toBeDefined();
    expect(await storedIds(target), 'the flow deletes what it created').toEqual([]);
  });

  it('a run that stopped before its delete leaves its identity behind; the next run passes anyway: its email is its own', async () => {
    const [, target] = await identityDeployment();
    const stopped = await runDeploymentFlow(identityContract, target, { stopAfter: 1 });
    const next = await runDeploymentFlow(identityContract, target);
    expect(stopped.passed).toEqual(['createIdentity → 200']);
    expect(next.passed).toHaveLength(8);
    expect(await storedIds(target)).toEqual([(stopped.run as IdentityRun).identity!.id]);
  });

  it('an identity answered without document ids: the presign case is reported as not applicable, by name, with the reason', async () => {
    const [, target] = await identityDeployment();
    const { passed, notApplicable, run } = await runDeploymentFlow(withoutDocuments, target);

    expect(notApplicable).toEqual([
      { title: 'getIdentityDocumentPresignUrl → 200', reason: expect.stringMatching(/carries no document id/) },
    ]);
    expect(passed).toHaveLength(7);
    expect((run as IdentityRun).documentId).toBeUndefined();
    expect(await storedIds(target)).toEqual([]);
  });
});

describe('Portabl Core API against the sandbox as a deployment', () => {
  it('upserts a user under a fresh id before reading it, and starts the sync session the create answered', async () => {
    const sandbox = await startSandbox();
    sandboxes.push(sandbox);
    const { clientId, clientSecret } = sandbox.credentials.portabl[0]!;
    const target: PortablTarget = { kind: 'deployment', baseUrl: sandbox.urls.portabl, clientId, clientSecret };
    const { passed, notApplicable, run } = await runDeploymentFlow(portablContract, target);

    expect(notApplicable).toEqual([]);
    expect(passed).toHaveLength(10);
    const { userId, syncSessionId } = run as PortablRun;
    expect(syncSessionId).toBe((run as PortablRun).requestedSyncSessionId);
    const token = await fetch(`${target.baseUrl}/provider/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, clientSecret }),
    });
    const authorization = `Bearer ${((await token.json()) as { accessToken: string }).accessToken}`;
    const users = (await (await fetch(`${target.baseUrl}/provider/users`, { headers: { authorization } })).json()) as {
      users: { id: string }[];
    };
    expect(users.users.map((u) => u.id)).toEqual([userId]);
    // The session the flow created is the one it started: starting it again is refused.
    const again = await fetch(`${target.baseUrl}/provider/sync-sessions/${syncSessionId}/start`, {
      method: 'POST',
      headers: { authorization },
    });
    expect(again.status).toBe(409);
  });
});
