// What each kind of target is asked, planned from the case tables (support/contract-cases.ts): the mock every
// exchange; a deployment only the default answer of each operation, in the order its flow needs, and every other
// exchange listed by name as not applicable because it needs Prism's Prefer header. Checked for both kinds whatever
// the suite's own target is, so the deployment plan is proven on every run, against explicit expectations.
import { describe, expect, it } from 'vitest';
import { identityContract } from './cases/identity.js';
import { portablContract } from './cases/portabl.js';
import { type ApiContract, type CauseTable, NEEDS_PREFER, NO_BODY, planExchanges } from './support/contract-cases.js';

/** What a deployment run sends, in order: each operation's default answer; create first, delete last. */
const DEPLOYMENT_RUNS = {
  portabl: [
    'createAccessToken → 200',
    'upsertUser → 200',
    'getUserSettings → 200',
    'updateUserSettings → 200',
    'updateUserClaims → 200',
    'getUserClaims → 200',
    'listUsers → 200',
    'listLatestDatapoints → 200',
    'createSyncSession → 201',
    'startSyncSession → 202 (no body)',
  ],
  identity: [
    'createIdentity → 200',
    'getIdentity → 200',
    'listIdentities → 200',
    'listIdentityOperations → 200',
    'updateIdentity → 200',
    'approveSandboxIdentity → 200',
    'getIdentityDocumentPresignUrl → 200',
    'deleteIdentity → 204 (no body)',
  ],
};

/** Exchanges a table asks for, counted from its answers: one per example, or one for a status without a body. */
function plannedCount(contract: ApiContract<unknown, unknown, unknown>): number {
  return contract.cases
    .flatMap((c) => Object.values(c.answers))
    .reduce((sum, answer) => sum + (answer === NO_BODY || typeof answer === 'string' ? 1 : answer.length), 0);
}

describe.each([
  ['portabl', portablContract as ApiContract<unknown, unknown, unknown>],
  ['identity', identityContract as ApiContract<unknown, unknown, unknown>],
] as const)('%s plan', (api, contract) => {
  const mock = planExchanges(contract, 'mock');
  const deployment = planExchanges(contract, 'deployment');

  it('against the mock: every exchange of the table runs, each named by status and example, none is not applicable', () => {
    expect(mock.runnable).toHaveLength(plannedCount(contract));
    expect(mock.notApplicable).toEqual([]);
    expect(new Set(mock.runnable.map((p) => p.title)).size, 'titles name the tests: each must be unique').toBe(
      mock.runnable.length,
    );
    for (const p of mock.runnable) {
      expect(p.title).toMatch(
        new RegExp(
          `^${p.operationCase.operationId} → ${p.status} ${p.example ?? '\\(no body\\)'}( \\(Prefer: code=${p.status}(, example=${p.example})?\\))?$`,
        ),
      );
    }
  });

  it('against a deployment: only the default answer of each operation runs, without Prefer, create first and delete last', () => {
    expect(deployment.runnable.map((p) => p.title)).toEqual(DEPLOYMENT_RUNS[api]);
    expect(deployment.runnable.filter((p) => p.prefer !== undefined)).toEqual([]);
  });

  it('against a deployment: every other exchange is named as not applicable because it needs Prefer, and none is lost', () => {
    const needingPrefer = mock.runnable.filter((p) => p.prefer !== undefined).map((p) => p.title);
    expect(deployment.notApplicable.map((n) => n.title)).toEqual(needingPrefer);
    expect(deployment.notApplicable.every((n) => n.reason === NEEDS_PREFER)).toBe(true);
    expect(deployment.runnable.length + deployment.notApplicable.length).toBe(plannedCount(contract));
    // The names are printed by the coverage gate of a run against a deployment; here, the count.
    console.log(
      `${api}: against a deployment ${deployment.runnable.length} exchanges run, ${deployment.notApplicable.length} are not applicable (${NEEDS_PREFER})`,
    );
  });

  it('against the sandbox: the default answers in the deployment order, then each other status once, from its cause or named as not reachable', () => {
    const table: CauseTable<unknown, unknown> = {
      causeOf: (operationId, status) =>
        status === 500
          ? { notReachable: 'no fault to inject' }
          : { description: `cause of ${status}`, prepare: async () => ({}) },
    };
    const sandbox = planExchanges(contract, 'sandbox', table);
    const defaults = sandbox.runnable.filter((p) => !p.cause).map((p) => p.title);
    expect(defaults).toEqual(DEPLOYMENT_RUNS[api]);
    expect(sandbox.runnable.filter((p) => p.prefer !== undefined)).toEqual([]);
    const statuses = contract.cases.flatMap((c) => Object.keys(c.answers).map((s) => `${c.operationId} ${s}`));
    const planned = [
      ...sandbox.runnable.map((p) => `${p.operationCase.operationId} ${p.status}`),
      ...sandbox.notApplicable.map((n) => `${n.operationId} ${n.status}`),
    ];
    expect(planned.sort()).toEqual(statuses.sort());
    expect(sandbox.notApplicable.every((n) => n.status === 500 && n.reason === 'no fault to inject')).toBe(true);
    // Within each operation the default answer comes first, so that what it remembers is there for the causes.
    for (const c of contract.cases) {
      const own = sandbox.runnable.filter((p) => p.operationCase === c);
      expect(own[0]!.cause, c.operationId).toBeUndefined();
    }
  });
});
