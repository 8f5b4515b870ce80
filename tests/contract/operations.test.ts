// The contract: every operation of both specs, through the clients, with every documented status (the default
// answer as it is, the others asked of the mock with Prefer headers), each answer validated against the spec. The
// coverage gate runs last in this file (tests in a file run in order), so it sees every case before it judges.
// Against a real deployment (CONTRACT_*_URL) only the default answers can be asked for: the Prefer cases are
// listed by name as not applicable, and the gate counts them as such.
import { describe, expect, inject, it } from 'vitest';
import { apiNames, type ApiName } from '../support/bundles.js';
import { identityContract } from './cases/identity.js';
import { portablContract } from './cases/portabl.js';
import { planExchanges, runExchange, type ApiContract, type PlannedExchange } from './support/contract-cases.js';
import { exercisedExampleKeys, exercisedPairKeys } from './support/recorder.js';
import { documentedResponses, pairKey } from './support/spec-responses.js';

const targets = inject('contractTargets');
const TITLES: Record<ApiName, string> = { portabl: 'Portabl Core API', identity: 'Identities API' };

/** Pairs (and examples) that only Prism's Prefer header can produce, planned for an API tested against a deployment. */
const notApplicablePairs = new Set<string>();
const notApplicableExamples = new Set<string>();

function contractTests<Client, Target extends { kind: 'mock' | 'deployment'; baseUrl: string }>(
  contract: ApiContract<Client, Target>,
  target: Target,
) {
  const planned = planExchanges(contract);
  const needsMock = (p: PlannedExchange<Client, Target>) => target.kind === 'deployment' && p.prefer !== undefined;
  const runnable = planned.filter((p) => !needsMock(p));
  const notApplicable = planned.filter(needsMock);
  for (const p of notApplicable) {
    const key = pairKey(contract.api, p.operationCase.operationId, p.status);
    if (!runnable.some((r) => pairKey(contract.api, r.operationCase.operationId, r.status) === key)) notApplicablePairs.add(key);
  }
  // Examples are what the mock serves; a deployment answers with its own data, so none of them applies there.
  for (const p of target.kind === 'deployment' ? planned : []) {
    if (p.example) notApplicableExamples.add(`${pairKey(contract.api, p.operationCase.operationId, p.status)} ${p.example.name}`);
  }

  describe(`${TITLES[contract.api]} (${target.kind} ${target.baseUrl})`, () => {
    it.each(runnable.map((p) => [p.title, p] as const))('%s', async (_title, p) => {
      await runExchange(contract, target, p);
    });

    if (notApplicable.length > 0) {
      it(`${notApplicable.length} cases need Prism's Prefer header: not applicable against a real deployment`, ({ annotate }) => {
        const names = notApplicable.map((p) => p.title);
        console.log(`not applicable against a real deployment (${contract.api}):\n  ${names.join('\n  ')}`);
        void annotate(`not applicable against a real deployment: ${names.join('; ')}`);
        expect(names.length).toBe(notApplicable.length);
      });
    }
  });
}

contractTests(portablContract, targets.portabl);
contractTests(identityContract, targets.identity);

describe('coverage gate', () => {
  it('every (operation, status) pair the specs document was exercised through a client', () => {
    const documented = apiNames.flatMap((api) => documentedResponses(api).map((r) => pairKey(api, r.operationId, r.status)));
    const exercised = exercisedPairKeys();
    const missing = documented.filter((key) => !exercised.has(key) && !notApplicablePairs.has(key));
    const exercisedCount = documented.filter((key) => exercised.has(key)).length;
    console.log(
      `coverage gate: ${documented.length} (operation, status) pairs in the specs, ${exercisedCount} exercised` +
        (notApplicablePairs.size ? `, ${notApplicablePairs.size} not applicable against a real deployment` : ''),
    );
    expect(missing, 'pairs no contract case exercised: add the status to the operation\'s case in tests/contract/cases/').toEqual([]);
  });

  it('every named example of every documented answer was served and validated', () => {
    const documented = apiNames.flatMap((api) =>
      documentedResponses(api).flatMap((r) =>
        (r.body?.examples ?? []).length > 1 ? r.body!.examples.map((e) => `${pairKey(api, r.operationId, r.status)} ${e.name}`) : [],
      ),
    );
    const exercised = exercisedExampleKeys();
    const missing = documented.filter((key) => !exercised.has(key) && !notApplicableExamples.has(key));
    console.log(
      `coverage gate: ${documented.length} named examples of responses with several, ${documented.filter((k) => exercised.has(k)).length} served` +
        (notApplicableExamples.size ? `, ${documented.filter((k) => notApplicableExamples.has(k)).length} not applicable against a real deployment` : ''),
    );
    expect(missing).toEqual([]);
  });
});
