// The shape of a negative case: take a valid base value, change exactly one thing, and expect the schema to
// reject it at that place for that rule, and for nothing else. Shared by the Portabl and Identities tables.
import { expect } from 'vitest';
import type { SchemaIssue } from '../../src/spec-validator.js';

export interface NegativeCase<Schema extends string> {
  /** What the change does, for the test name. */
  change: string;
  schema: Schema;
  /** Mutates a deep copy of the schema's base value. */
  mutate: (value: any) => void;
  /** JSON pointer of the offending value (or of the object missing a property). */
  at: string;
  /** The rule the validator must name. */
  says: RegExp;
}

/** A deep copy of the case's base value with the case's one change applied. */
export function broken<Base extends Record<string, unknown>>(
  base: Base,
  c: NegativeCase<keyof Base & string>,
): unknown {
  const value = structuredClone(base[c.schema]);
  c.mutate(value);
  return value;
}

/**
 * The rejection names the offending place and rule, not merely fails somewhere, and the change breaks nothing
 * else. `companions` matches messages a validator adds one level up for the same failure (e.g. Ajv's
 * 'must match "then" schema' where an if/then carries the rule).
 */
export function expectRejectedExactly(issues: SchemaIssue[], c: NegativeCase<string>, companions?: RegExp): void {
  expect(issues, JSON.stringify(issues, null, 2)).toContainEqual({
    path: c.at,
    message: expect.stringMatching(c.says),
  });
  expect(issues.filter((i) => i.path !== c.at && !(companions?.test(i.message) ?? false))).toEqual([]);
}

export const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
