// Ajv2020 over one bundled document, configured exactly as src/spec-validator.ts configures it for the clients and
// the tests (that module is TypeScript and this runner is plain Node, so the few lines of setup are repeated here;
// tests/conformance/validator-agrees.test.ts proves both give the same verdicts).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = typeof addFormatsModule === 'function' ? addFormatsModule : addFormatsModule.default;

/**
 * A validator for the schemas of one bundled OpenAPI 3.1 document.
 * @param {object} document the bundle (generated/<api>/openapi.json)
 * @param {string} id a unique URI for it
 * @returns {{validate(pointer: string, value: unknown): {path: string, keyword: string, message: string}[],
 *            check(schema: object, value: unknown): {path: string, keyword: string, message: string}[],
 *            matches(schema: object, value: unknown): boolean}}
 *   `validate` judges against the schema at a JSON pointer (`#/components/schemas/Error`); `check` against a schema
 *   node of the document (a local `$ref` or an inline schema without `$ref`s inside); `matches` is `check` as a boolean
 * @example createValidator(doc, 'https://kyc-contracts.invalid/identity.json').validate('#/components/schemas/Uuid', 'x')
 */
export function createValidator(document, id) {
  // strict: false: an OpenAPI document is not pure JSON Schema (discriminator, example, x-*), and strictRequired
  // would reject `required` inside `if`/`then`. Formats stay enforced.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true);
  ajv.addSchema({ ...document, $id: id });
  const byPointer = new Map();
  const inline = new WeakMap();
  return {
    validate(pointer, value) {
      let fn = byPointer.get(pointer);
      if (!fn) {
        fn = ajv.compile({ $ref: `${id}${pointer}` });
        byPointer.set(pointer, fn);
      }
      return fn(value)
        ? []
        : fn.errors.map((e) => ({
            path: e.instancePath,
            keyword: e.keyword,
            message: `${e.instancePath || '(root)'} ${e.message}`,
          }));
    },
    matches(schema, value) {
      return this.check(schema, value).length === 0;
    },
    check(schema, value) {
      if (typeof schema?.$ref === 'string' && schema.$ref.startsWith('#')) return this.validate(schema.$ref, value);
      let fn = inline.get(schema);
      if (!fn) {
        // An inline schema's local `$ref`s point into the document: make them absolute so Ajv finds them there.
        fn = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#/g, `"$ref":"${id}#`)));
        inline.set(schema, fn);
      }
      return fn(value)
        ? []
        : fn.errors.map((e) => ({
            path: e.instancePath,
            keyword: e.keyword,
            message: `${e.instancePath || '(root)'} ${e.message}`,
          }));
    },
  };
}
