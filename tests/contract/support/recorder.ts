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
}

const exercised = new Map<string, ExercisedPair>();
const exercisedExamples = new Set<string>();

export function recordExercised(pair: ExercisedPair): void {
  exercised.set(pairKey(pair.api, pair.operationId, pair.status), pair);
  if (pair.example) exercisedExamples.add(`${pairKey(pair.api, pair.operationId, pair.status)} ${pair.example}`);
  appendFileSync(path.join(inject('contractRunDir'), 'exercised.jsonl'), `${JSON.stringify(pair)}\n`);
}

export const exercisedPairKeys = (): Set<string> => new Set(exercised.keys());
export const exercisedExampleKeys = (): Set<string> => new Set(exercisedExamples);
