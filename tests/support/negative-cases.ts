// The shape of a negative case: take a valid base value, change exactly one thing, and expect the schema to
// reject it at that place for that rule, and for nothing else. Shared by the Portabl and Identities tables.
import { expect } from 'vitest';
import { escapePointerSegment } from '../../src/openapi/document.js';
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

/**
 * The negative cases of one schema, each built from the slash-separated path of the value it changes in the
 * schema's base value (`'address/city'`, `'documents/0/url'`: no leading slash), so that a table holds
 * one line of data per case. The place the validator must name (`at`) follows from the path; Ajv's own message is
 * the default rule where one kind of change has one message.
 */
export interface SchemaCases<Schema extends string> {
  /** Removes the property at `path`: rejected at its parent with "required property '<name>'". */
  without(change: string, path: string): NegativeCase<Schema>;
  /**
   * Adds the property `path`, which the schema does not know: rejected at its parent, by default with
   * 'additional properties … "<name>"' (pass `says` for a schema closed by unevaluatedProperties).
   */
  adding(change: string, path: string, value: unknown, says?: RegExp): NegativeCase<Schema>;
  /** Sets the value at `path` (a deep copy of `value`): rejected at `path` with `says`. */
  setting(change: string, path: string, value: unknown, says: RegExp): NegativeCase<Schema>;
  /** Any other change (several edits at once): `at` and `says` as in NegativeCase. */
  editing(change: string, mutate: NegativeCase<Schema>['mutate'], at: string, says: RegExp): NegativeCase<Schema>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builders of `schema`'s negative cases against `base[schema]`. Each path is checked when the case is built, so a
 * table that names a place the base value lacks fails at once, naming the case, instead of testing nothing.
 * @throws {Error} when a path's parent is not in the base value, `without` names a property it lacks, or `adding`
 *   one it has
 * @example
 * const person = casesOf(base, 'CreatePersonIdentityRequest');
 * person.without('address without city', 'address/city'); // at '/address', says /required property 'city'/
 * person.setting('email without a domain', 'email', 'foobar', /must match format "email"/); // at '/email'
 */
export function casesOf<Base extends Record<string, unknown>, Schema extends keyof Base & string>(
  base: Base,
  schema: Schema,
): SchemaCases<Schema> {
  // The parent's keys and the last key of `path`, after checking them against the base value.
  const place = (change: string, path: string, has: 'parent' | 'property' | 'no property') => {
    const keys = path.split('/');
    const name = keys.pop()!;
    let parent: unknown = base[schema];
    for (const key of keys) parent = isObject(parent) ? parent[key] : undefined;
    const problem = !isObject(parent)
      ? `has no object at ${keys.join('/') || 'its root'}`
      : has === 'property' && !(name in parent)
        ? `has no ${path} to remove`
        : has === 'no property' && name in parent
          ? `already has ${path}`
          : undefined;
    if (problem) throw new Error(`negative case "${change}": the base ${schema} ${problem}`);
    return { keys, name, parentAt: keys.map((k) => `/${escapePointerSegment(k)}`).join('') };
  };
  const parentIn = (value: unknown, keys: string[]) => keys.reduce((node, key) => node[key] as Json, value as Json);
  const set = (change: string, path: string, value: unknown, has: 'parent' | 'no property') => {
    const { keys, name, parentAt } = place(change, path, has);
    return {
      parentAt,
      name,
      mutate: (v: unknown) => {
        parentIn(v, keys)[name] = structuredClone(value);
      },
    };
  };
  return {
    without(change, path) {
      const { keys, name, parentAt } = place(change, path, 'property');
      const says = new RegExp(`required property '${escapeRegExp(name)}'`);
      return { change, schema, mutate: (v) => delete parentIn(v, keys)[name], at: parentAt, says };
    },
    adding(change, path, value, says) {
      const { parentAt, name, mutate } = set(change, path, value, 'no property');
      return {
        change,
        schema,
        mutate,
        at: parentAt,
        says: says ?? new RegExp(`additional properties.*"${escapeRegExp(name)}"`),
      };
    },
    setting(change, path, value, says) {
      const { parentAt, name, mutate } = set(change, path, value, 'parent');
      return { change, schema, mutate, at: `${parentAt}/${escapePointerSegment(name)}`, says };
    },
    editing: (change, mutate, at, says) => ({ change, schema, mutate, at, says }),
  };
}
