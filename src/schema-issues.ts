// Issues found by JSON Schema validation, as the clients report them, and the bounded second pass: shared by the
// validators compiled at build time (src/compiled-validator.ts) and the Ajv compiler the tests use
// (src/spec-validator.ts), without loading either. The client entries' declarations reach this module, and Ajv is
// an optional peer the clients never install: so nothing here names an Ajv type (SchemaError is the part read).
import { escapePointerSegment as pointerSegment } from './openapi/document.js';

/** Escapes one path segment for a JSON pointer (RFC 6901). */
export { pointerSegment };

export interface SchemaIssue {
  /** JSON pointer into the validated value, e.g. `/data/0/email` ("" for the value itself). */
  path: string;
  message: string;
}

/** What validateBounded found: at most `maxIssues` issues, and how many more there are or may be. */
export interface BoundedIssues {
  /** The first issues, at most `maxIssues` of them; empty when the value matches. */
  issues: SchemaIssue[];
  /** Further issues found in the examined part of the value and not listed. */
  more: number;
  /** Array items beyond the first ITEMS_EXAMINED of each array, not examined for further issues. */
  unexamined: number;
}

/**
 * One error as a JSON Schema validator reports it: the fields of Ajv's `ErrorObject` this module reads, so that an
 * Ajv error (compiled at build time or at run time) is one without this module's declarations importing Ajv.
 */
export interface SchemaError {
  /** The keyword that failed, e.g. `required`, `minItems`. */
  keyword: string;
  /** JSON pointer into the validated value ("" for the value itself). */
  instancePath: string;
  message?: string;
  /** The keyword's details, e.g. `{ missingProperty: 'state' }`. */
  params: Record<string, unknown>;
}

/** Items of each array the second pass of validateBounded examines. */
export const ITEMS_EXAMINED = 10;
/** Issues validateBounded lists by default. */
export const MAX_LISTED_ISSUES = 20;

// Keywords that judge an array as a whole, and so would fail on a cut copy without the original failing.
const WHOLE_ARRAY_KEYWORDS = new Set(['minItems', 'contains', 'minContains', 'maxContains']);

/**
 * A copy of `value` with each array cut to its first `limit` items, the JSON pointers of the arrays cut, and how
 * many items were left out. Iterative, so any depth is fine.
 */
function cutArrays(value: unknown, limit: number): { copy: unknown; cut: Set<string>; left: number } {
  const cut = new Set<string>();
  let left = 0;
  const root: unknown[] = [undefined];
  const stack: { source: unknown; target: Record<string | number, unknown>; key: string | number; path: string }[] = [
    { source: value, target: root as unknown as Record<number, unknown>, key: 0, path: '' },
  ];
  while (stack.length) {
    const { source, target, key, path } = stack.pop()!;
    if (Array.isArray(source)) {
      if (source.length > limit) {
        cut.add(path);
        left += source.length - limit;
      }
      const items: unknown[] = new Array(Math.min(limit, source.length));
      for (let i = 0; i < items.length; i++)
        stack.push({
          source: source[i],
          target: items as unknown as Record<number, unknown>,
          key: i,
          path: `${path}/${i}`,
        });
      target[key] = items;
    } else if (source !== null && typeof source === 'object') {
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(source))
        stack.push({ source: v, target: fields, key: k, path: `${path}/${pointerSegment(k)}` });
      target[key] = fields;
    } else target[key] = source;
  }
  return { copy: root[0], cut, left };
}

export function toIssues(errors: SchemaError[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => ({
    path: e.instancePath,
    message: `${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  }));
}

/**
 * Like toIssues, but an unknown or missing property is pointed at itself (`/address/state`, `/claims/bogus`)
 * rather than at the object that has or lacks it, so each issue names the exact JSON path to fix.
 */
export function toPropertyIssues(errors: SchemaError[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => {
    const params = e.params as {
      additionalProperty?: unknown;
      unevaluatedProperty?: unknown;
      missingProperty?: unknown;
    };
    const property = params.additionalProperty ?? params.unevaluatedProperty ?? params.missingProperty;
    const path = typeof property === 'string' ? `${e.instancePath}/${pointerSegment(property)}` : e.instancePath;
    return { path, message: toIssues([e])[0]!.message };
  });
}

/** A validate function as Ajv compiles it: true, or false with `errors` set. */
export type ValidateFunction = ((value: unknown) => boolean) & { errors?: SchemaError[] | null };

/**
 * Time linear in the size of `value`: `first` (compiled without allErrors) stops at the first issue; only a value
 * that fails gets a second pass with `every` (allErrors) over a copy whose arrays are cut to their first
 * ITEMS_EXAMINED items, which lists up to `maxIssues` issues and counts the rest it found.
 */
export async function boundedIssues(
  first: ValidateFunction,
  every: () => ValidateFunction | Promise<ValidateFunction>,
  value: unknown,
  maxIssues = MAX_LISTED_ISSUES,
): Promise<BoundedIssues> {
  if (first(value)) return { issues: [], more: 0, unexamined: 0 };
  return secondPass(toPropertyIssues(first.errors), await every(), value, maxIssues);
}

/** The second pass of boundedIssues, synchronous for the compiler the tests use. */
export function secondPass(
  firstIssues: SchemaIssue[],
  all: ValidateFunction,
  value: unknown,
  maxIssues: number,
): BoundedIssues {
  const { copy, cut, left } = cutArrays(value, ITEMS_EXAMINED);
  const found = all(copy)
    ? []
    : toPropertyIssues(
        (all.errors ?? []).filter((e) => !(WHOLE_ARRAY_KEYWORDS.has(e.keyword) && cut.has(e.instancePath))),
      );
  // The first pass saw the whole value: its issue leads, even where it lies beyond the cut.
  const seen = new Set<string>();
  const unique = [...firstIssues, ...found].filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { issues: unique.slice(0, maxIssues), more: Math.max(0, unique.length - maxIssues), unexamined: left };
}
