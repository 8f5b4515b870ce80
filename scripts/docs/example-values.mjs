// Example values of a bundled OpenAPI document, for the docs' code samples and landing page. Walking the document
// (operations, local $refs, pointers) is src/openapi/document.js's.
import { resolveRef } from '../../src/openapi/document.js';

const NONE = Symbol('no example');

/** The first value of an `examples` map (Example Objects, possibly $refs), or NONE. */
function firstExampleValue(doc, examples) {
  for (const raw of Object.values(examples ?? {})) {
    const example = resolveRef(doc, raw);
    if (example && 'value' in example) return example.value;
  }
  return NONE;
}

/** An example a schema itself carries: `example`, `examples[0]`, `const`, `default` or the first `enum` value. */
function schemaExample(doc, rawSchema) {
  const schema = resolveRef(doc, rawSchema);
  if (!schema || typeof schema !== 'object') return NONE;
  if ('example' in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  return NONE;
}

/**
 * The value a sample shows for a parameter: the parameter's own example(s), else (when `fromSchema`) what its
 * schema offers. `undefined` when there is none.
 */
export function parameterExample(doc, parameter, { fromSchema }) {
  if ('example' in parameter) return parameter.example;
  const fromExamples = firstExampleValue(doc, parameter.examples);
  if (fromExamples !== NONE) return fromExamples;
  if (fromSchema) {
    const value = schemaExample(doc, parameter.schema);
    if (value !== NONE) return value;
  }
  return undefined;
}

/** The JSON media type of a request body or response, or undefined. */
export function jsonMedia(content) {
  const type = Object.keys(content ?? {}).find(
    (t) => t === 'application/json' || /^application\/[\w.+-]*\+?json/.test(t),
  );
  return type === undefined ? undefined : { type, media: content[type] };
}

/** The request body example: the media type's `example`, its first `examples` entry, or its schema's example. */
export function requestBodyExample(doc, requestBody) {
  const json = jsonMedia(requestBody.content);
  if (!json) return { found: false, mediaTypes: Object.keys(requestBody.content ?? {}) };
  const { media } = json;
  if ('example' in media) return { found: true, value: media.example };
  const fromExamples = firstExampleValue(doc, media.examples);
  if (fromExamples !== NONE) return { found: true, value: fromExamples };
  const fromSchema = schemaExample(doc, media.schema);
  if (fromSchema !== NONE) return { found: true, value: fromSchema };
  return { found: false, mediaTypes: [json.type] };
}
