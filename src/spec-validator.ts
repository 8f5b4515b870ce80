// JSON Schema 2020-12 validation of values against the schemas of a bundled OpenAPI 3.1 document, with the Ajv
// compiler. Used by the sandbox (request checks) and by the tests, so that both judge by the same rules, independently
// of Redocly and Prism. The clients never load it: their validators are compiled at build time (compiled-validator.ts).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';

// ajv-formats ships CommonJS with `exports.default`: under NodeNext the callable sits on `.default`, and at run time
// Node may hand over either shape depending on how the module is loaded (native ESM, vitest, a bundler).
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const formatsModule = ajvFormats as unknown as { default: AddFormats | { default: AddFormats } };
const addFormats: AddFormats =
  typeof formatsModule.default === 'function' ? formatsModule.default : formatsModule.default.default;

export {
  type BoundedIssues,
  ITEMS_EXAMINED,
  MAX_LISTED_ISSUES,
  pointerSegment,
  type SchemaIssue,
} from './schema-issues.js';

import {
  type BoundedIssues,
  MAX_LISTED_ISSUES,
  type SchemaIssue,
  secondPass,
  toIssues,
  toPropertyIssues,
} from './schema-issues.js';

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

export function createSpecValidator(
  document: object,
  id = 'https://kyc-contracts.invalid/openapi.json',
): SpecValidator {
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
      return secondPass(toPropertyIssues(first.errors), everyError(pointer), value, maxIssues);
    },
  };
}
