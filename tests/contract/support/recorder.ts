// Which (api, operation, status) pairs the contract cases exercised: kept in memory for the coverage gate, which runs
// last in the same file, and appended to exercised.jsonl in the run folder for whoever reads a run afterwards.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { ApiName } from '../../support/bundles.js';
import { pairKey } from './spec-responses.js';

export interface ExercisedPair {
  api: ApiName;
  operationId: string;
  status: number;
  /** The named example Prism answered with, when the spec documents several. */
  example?: string;
  /** Set for an exchange with the sandbox, whose pairs the sandbox gate counts apart from the suite's target. */
  on?: 'sandbox';
}

const exercised = new Map<string, ExercisedPair>();
const exercisedExamples = new Set<string>();
const exercisedOnSandbox = new Set<string>();

export function recordExercised(pair: ExercisedPair): void {
  if (pair.on === 'sandbox') {
    exercisedOnSandbox.add(pairKey(pair.api, pair.operationId, pair.status));
    appendFileSync(path.join(inject('contractRunDir'), 'exercised.jsonl'), `${JSON.stringify(pair)}\n`);
    return;
  }
  exercised.set(pairKey(pair.api, pair.operationId, pair.status), pair);
  if (pair.example) exercisedExamples.add(`${pairKey(pair.api, pair.operationId, pair.status)} ${pair.example}`);
  appendFileSync(path.join(inject('contractRunDir'), 'exercised.jsonl'), `${JSON.stringify(pair)}\n`);
}

export const exercisedPairKeys = (): Set<string> => new Set(exercised.keys());
export const exercisedExampleKeys = (): Set<string> => new Set(exercisedExamples);
export const exercisedOnSandboxKeys = (): Set<string> => new Set(exercisedOnSandbox);
