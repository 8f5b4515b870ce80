// JSON Schema 2020-12 validation of values against the schemas of a bundled OpenAPI 3.1 document.
// Used by the clients' opt-in response validation and by the tests, so that both judge by the same rules,
// independently of Redocly and Prism.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';

// ajv-formats ships CommonJS with `exports.default`: under NodeNext the callable sits on `.default`, and at run time
// Node may hand over either shape depending on how the module is loaded (native ESM, vitest, a bundler).
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const formatsModule = ajvFormats as unknown as { default: AddFormats | { default: AddFormats } };
const addFormats: AddFormats =
  typeof formatsModule.default === 'function' ? formatsModule.default : formatsModule.default.default;

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

export interface SpecValidator {
  /**
   * Validates `value` against the schema at `pointer` (a JSON pointer into the document, e.g.
   * `#/components/schemas/Error`) and lists every issue. Ajv's every-error mode grows quadratically with the number
   * of issues (30,000 invalid list items took minutes): for values from the network use validateBounded.
   */
  validate(pointer: string, value: unknown): SchemaIssue[];
  /**
   * Time linear in the size of `value`: a first pass stops at the first issue (Ajv without allErrors); only a
   * value that fails gets a second pass, over a copy whose arrays are cut to their first ITEMS_EXAMINED items,
   * which lists up to `maxIssues` issues and counts the rest it found.
   */
  validateBounded(pointer: string, value: unknown, maxIssues?: number): BoundedIssues;
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
      for (let i = 0; i < items.length; i++) stack.push({ source: source[i], target: items as unknown as Record<number, unknown>, key: i, path: `${path}/${i}` });
      target[key] = items;
    } else if (source !== null && typeof source === 'object') {
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(source)) stack.push({ source: v, target: fields, key: k, path: `${path}/${pointerSegment(k)}` });
      target[key] = fields;
    } else target[key] = source;
  }
  return { copy: root[0], cut, left };
}

function toIssues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => ({
    path: e.instancePath,
    message: `${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  }));
}

/**
 * Like toIssues, but an unknown or missing property is pointed at itself (`/address/state`, `/claims/bogus`)
 * rather than at the object that has or lacks it, so each issue names the exact JSON path to fix.
 */
function toPropertyIssues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => {
    const params = e.params as { additionalProperty?: unknown; unevaluatedProperty?: unknown; missingProperty?: unknown };
    const property = params.additionalProperty ?? params.unevaluatedProperty ?? params.missingProperty;
    const path = typeof property === 'string' ? `${e.instancePath}/${pointerSegment(property)}` : e.instancePath;
    return { path, message: toIssues([e])[0]!.message };
  });
}

/** Escapes one path segment for a JSON pointer (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function createSpecValidator(document: object, id = 'https://kyc-contracts.invalid/openapi.json'): SpecValidator {
  // strict: false because an OpenAPI document is not a pure JSON Schema (discriminator, example, x-* keywords),
  // and strictRequired would reject `required` inside `if`/`then`. Formats stay enforced.
  const compilerFor = (allErrors: boolean) => {
    let ajv: Ajv2020 | undefined;
    const cache = new Map<string, ValidateFunction>();
    return (pointer: string): ValidateFunction => {
      const ref = `${id}${pointer.startsWith('#') ? pointer : `#${pointer}`}`;
      let fn = cache.get(ref);
      if (!fn) {
        if (!ajv) {
          ajv = new Ajv2020({ strict: false, allErrors, validateFormats: true });
          addFormats(ajv);
          // OpenAPI's numeric formats are size hints the schemas also bound with minimum/maximum.
          for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true);
          ajv.addSchema({ ...document, $id: id });
        }
        fn = ajv.compile({ $ref: ref });
        cache.set(ref, fn);
      }
      return fn;
    };
  };
  const everyError = compilerFor(true);
  const firstError = compilerFor(false);
  return {
    validate(pointer, value) {
      const fn = everyError(pointer);
      return fn(value) ? [] : toIssues(fn.errors);
    },
    validateBounded(pointer, value, maxIssues = MAX_LISTED_ISSUES) {
      const first = firstError(pointer);
      if (first(value)) return { issues: [], more: 0, unexamined: 0 };
      const firstIssues = toPropertyIssues(first.errors);
      const { copy, cut, left } = cutArrays(value, ITEMS_EXAMINED);
      const all = everyError(pointer);
      const found = all(copy)
        ? []
        : toPropertyIssues((all.errors ?? []).filter((e) => !(WHOLE_ARRAY_KEYWORDS.has(e.keyword) && cut.has(e.instancePath))));
      // The first pass saw the whole value: its issue leads, even where it lies beyond the cut.
      const seen = new Set<string>();
      const unique = [...firstIssues, ...found].filter((i) => {
        const key = `${i.path}\u0000${i.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return { issues: unique.slice(0, maxIssues), more: Math.max(0, unique.length - maxIssues), unexamined: left };
    },
  };
}
