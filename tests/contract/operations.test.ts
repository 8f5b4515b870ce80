// The contract: every operation of both specs, through the clients, with every documented status and example (the
// default answer as it is, the others asked of the mock with Prefer headers), each answer validated against the spec.
// Each table runs in its order, as one run: later cases address what earlier answers created (cases/*.ts).
// The coverage gate runs last in this file (tests in a file run in order), so it sees every case before it judges.
// Against a real deployment (CONTRACT_*_URL) only the default answers can be asked for: the others are not declared
// as tests but listed by the gate, by name and with the reason, as are cases a deployment's answers leave without
// what they need (a document id).
import { describe, expect, inject, it } from 'vitest';
import { apiNamed } from '../../scripts/apis.mjs';
import { type ApiName, apiNames } from '../support/bundles.js';
import { identityContract } from './cases/identity.js';
import { portablContract } from './cases/portabl.js';
import {
  type ApiContract,
  type CauseTable,
  NotApplicable,
  type NotApplicableExchange,
  planExchanges,
} from './support/contract-cases.js';
import {
  exercisedExampleKeys,
  exercisedOnSandboxKeys,
  exercisedPairKeys,
  recordExercised,
} from './support/recorder.js';
import { runExchange } from './support/run-exchange.js';
import { identityCauses, portablCauses } from './support/sandbox-causes.js';
import { documentedResponses, pairKey } from './support/spec-responses.js';
import type { TargetKind } from './support/targets.js';

const targets = inject('contractTargets');

/** Every exchange not sent in this run, by API: those that need Prefer (known when planning) and those found at run time. */
const notApplicable: (NotApplicableExchange & { api: ApiName })[] = [];
/** The statuses the sandbox cannot be made to give, by API, with the reason. */
const notReachableOnSandbox: (NotApplicableExchange & { api: ApiName })[] = [];

function contractTests<Client, Target extends { kind: TargetKind; baseUrl: string }, Run>(
  contract: ApiContract<Client, Target, Run>,
  target: Target,
  causes?: CauseTable<Target, Run>,
) {
  const { api } = contract;
  const plan = planExchanges(contract, target.kind, causes);
  (target.kind === 'sandbox' ? notReachableOnSandbox : notApplicable).push(
    ...plan.notApplicable.map((n) => ({ api, ...n })),
  );
  const run = contract.newRun(target);

  describe(`${apiNamed(api).title} (${target.kind} ${target.baseUrl})`, () => {
    it.for(plan.runnable.map((p) => [p.title, p] as const))('%s', async ([, planned], { skip }) => {
      try {
        recordExercised(await runExchange(contract, target, planned, run));
      } catch (error) {
        // The mock answers any request: a case that cannot be sent to it is broken, not inapplicable.
        if (!(error instanceof NotApplicable) || target.kind === 'mock') throw error;
        const { operationId } = planned.operationCase;
        notApplicable.push({ api, title: planned.title, operationId, status: planned.status, reason: error.reason });
        skip(`not applicable against this deployment: ${error.reason}`);
      }
    });
  });
}

contractTests(portablContract, targets.portabl);
contractTests(identityContract, targets.identity);
// The third target: the sandbox, each status from its real cause (support/sandbox-causes.ts) instead of Prefer.
const sandbox = inject('contractSandbox');
contractTests(portablContract, sandbox.portabl, portablCauses());
contractTests(identityContract, sandbox.identity, identityCauses());

describe('coverage gate', () => {
  it('every (operation, status) pair the specs document was exercised through a client, or is named as not applicable', () => {
    const documented = apiNames.flatMap((api) =>
      documentedResponses(api).map((r) => pairKey(api, r.operationId, r.status)),
    );
    const exercised = exercisedPairKeys();
    const notApplicablePairs = new Set(
      notApplicable.map((n) => pairKey(n.api, n.operationId, n.status)).filter((key) => !exercised.has(key)),
    );
    const missing = documented.filter((key) => !exercised.has(key) && !notApplicablePairs.has(key));
    console.log(
      `coverage gate: ${documented.length} (operation, status) pairs in the specs, ${documented.filter((key) => exercised.has(key)).length} exercised` +
        (notApplicablePairs.size ? `, ${notApplicablePairs.size} not applicable against a real deployment` : ''),
    );
    if (notApplicable.length > 0) {
      console.log(
        `not applicable against a real deployment (${notApplicable.length} exchanges):\n${notApplicable.map((n) => `  ${n.title}: ${n.reason}`).join('\n')}`,
      );
    }
    expect(
      missing,
      "pairs no contract case exercised: add the status to the operation's case in tests/contract/cases/",
    ).toEqual([]);
  });

  it('every named example of every documented answer was served by the mock and validated', () => {
    const documented = apiNames.flatMap((api) =>
      documentedResponses(api).flatMap((r) =>
        (r.body?.examples ?? []).map((e) => ({ api, key: `${pairKey(api, r.operationId, r.status)} ${e.name}` })),
      ),
    );
    const exercised = exercisedExampleKeys();
    // A deployment answers with its own data, never with an example of the spec.
    const onDeployment = documented.filter((d) => targets[d.api].kind === 'deployment');
    const missing = documented.filter((d) => targets[d.api].kind === 'mock' && !exercised.has(d.key)).map((d) => d.key);
    console.log(
      `coverage gate: ${documented.length} named examples of documented answers, ${documented.filter((d) => exercised.has(d.key)).length} served` +
        (onDeployment.length ? `, ${onDeployment.length} not applicable against a real deployment` : ''),
    );
    expect(missing, "examples no case expects: name them in the operation's answers in tests/contract/cases/").toEqual(
      [],
    );
  });

  it('every (operation, status) pair was exercised on the sandbox from a real cause, or is named as not reachable there', () => {
    const documented = apiNames.flatMap((api) =>
      documentedResponses(api).map((r) => pairKey(api, r.operationId, r.status)),
    );
    const exercised = exercisedOnSandboxKeys();
    const notReachable = new Map(notReachableOnSandbox.map((n) => [pairKey(n.api, n.operationId, n.status), n.reason]));
    const missing = documented.filter((key) => !exercised.has(key) && !notReachable.has(key));
    console.log(
      `sandbox gate: ${documented.length} (operation, status) pairs in the specs, ${documented.filter((key) => exercised.has(key)).length} exercised on the sandbox, ` +
        `${notReachable.size} not reachable there:\n${[...notReachable].map(([key, reason]) => `  ${key}: ${reason}`).join('\n')}`,
    );
    expect(
      missing,
      'pairs neither exercised on the sandbox nor named as not reachable: add a cause in tests/contract/support/sandbox-causes.ts',
    ).toEqual([]);
  });
});
