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

export interface SpecValidator {
  /** Validates `value` against the schema at `pointer` (a JSON pointer into the document, e.g. `#/components/schemas/Error`). */
  validate(pointer: string, value: unknown): SchemaIssue[];
}

function toIssues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => ({
    path: e.instancePath,
    message: `${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  }));
}

/** Escapes one path segment for a JSON pointer (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function createSpecValidator(document: object, id = 'https://kyc-contracts.invalid/openapi.json'): SpecValidator {
  // strict: false because an OpenAPI document is not a pure JSON Schema (discriminator, example, x-* keywords),
  // and strictRequired would reject `required` inside `if`/`then`. Formats stay enforced.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI's numeric formats are size hints the schemas also bound with minimum/maximum.
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true);
  ajv.addSchema({ ...document, $id: id });
  const cache = new Map<string, ValidateFunction>();
  return {
    validate(pointer, value) {
      const ref = `${id}${pointer.startsWith('#') ? pointer : `#${pointer}`}`;
      let fn = cache.get(ref);
      if (!fn) {
        fn = ajv.compile({ $ref: ref });
        cache.set(ref, fn);
      }
      return fn(value) ? [] : toIssues(fn.errors);
    },
  };
}
