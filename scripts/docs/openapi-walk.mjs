// Small helpers to read a bundled OpenAPI document: its operations, local $refs and example values.
// The docs pipeline derives code samples and the landing page from these, so that nothing is copied by hand.

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Follows local `$ref`s (`#/components/...`) until it reaches a node that is not a reference. */
export function resolveRef(doc, node) {
  const seen = new Set();
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`${ref}: only local references are expected in a bundle`);
    if (seen.has(ref)) throw new Error(`${ref}: circular reference`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((at, key) => {
        if (at === undefined || at === null || !(key in at)) throw new Error(`${ref}: not found in the document`);
        return at[key];
      }, doc);
  }
  return current;
}

/** Every operation in document order, with the path-level parameters merged in (the operation's win). */
export function operationsOf(doc) {
  const operations = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolveRef(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const byKey = new Map();
      for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = resolveRef(doc, raw);
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      operations.push({ method, path, operation, parameters: [...byKey.values()] });
    }
  }
  return operations;
}

/** `GET /path (operationId)`: how errors and tests name an operation. */
export function operationLabel({ method, path, operation }) {
  return `${method.toUpperCase()} ${path}${operation.operationId ? ` (${operation.operationId})` : ''}`;
}

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
  const type = Object.keys(content ?? {}).find((t) => t === 'application/json' || /^application\/[\w.+-]*\+?json/.test(t));
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
