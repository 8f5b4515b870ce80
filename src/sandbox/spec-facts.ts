// Facts the sandbox reads from a bundled spec beyond its operations: the `x-` extensions that state a rule JSON
// Schema cannot (the birthday's age range, the fields a confirmed identity locks, the sandbox's own behaviour)
// and enumerations a handler answers with. Read here, once, so that the spec stays the one place of each fact.
import { readPointer } from '../openapi/document.js';
import type { SpecDocument } from '../spec-document.js';

/** The value at a local pointer; throws naming the pointer when the bundle lacks it (a broken bundle). */
export function specFact<T>(spec: SpecDocument, pointer: string, check: (value: unknown) => boolean, what: string): T {
  let value: unknown;
  try {
    value = readPointer(spec, pointer);
  } catch {
    value = undefined;
  }
  if (!check(value)) throw new Error(`the bundled spec has no ${what} at ${pointer}`);
  return value as T;
}

export const isStringList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
export const isPositiveInteger = (v: unknown) => Number.isInteger(v) && (v as number) > 0;

/** The `enum` of the schema at `pointer`. */
export function enumAt(spec: SpecDocument, pointer: string): string[] {
  const values = specFact<Record<string, unknown>>(spec, pointer, (v) => typeof v === 'object' && v !== null, 'schema')[
    'enum'
  ];
  if (!isStringList(values)) throw new Error(`the bundled spec has no string enum at ${pointer}`);
  return values as string[];
}
