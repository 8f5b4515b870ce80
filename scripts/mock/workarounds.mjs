// Two of Prism's blind spots, worked around in the mock's configuration (tests/contract/blind-spots/ shows each
// with and without). They are switched off together by startPrism({workarounds: false}): `prism mock --errors`.

import { operationsOf, resolveRef } from '../../src/openapi/document.js';

export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Blind spot (a): Prism validates with JSON Schema draft-07 unless the document names a dialect, so a rule only
 * 2020-12 knows (`unevaluatedProperties`, `dependentRequired`, ...) is silently skipped. OpenAPI 3.1 schemas ARE
 * 2020-12 (its base dialect extends it), so an undeclared 3.1 document is given `jsonSchemaDialect` 2020-12, which
 * Prism's schema conversion copies into every schema as `$schema`.
 * @param {Record<string, unknown>} document a parsed OpenAPI document
 */
export function withJsonSchema2020(document) {
  const is31 = typeof document.openapi === 'string' && document.openapi.startsWith('3.1.');
  if (!is31 || document.jsonSchemaDialect !== undefined) return document;
  return { ...document, jsonSchemaDialect: JSON_SCHEMA_2020_12 };
}

/**
 * Blind spot (e): Prism lowercases the names of query parameters it receives (`filter[identityOwner]` becomes
 * `filter[identityowner]`) and then reads a deepObject by the spec's spelling of each property, so a camelCase
 * property is never found and never validated. Prism's copy of each deepObject query parameter gets its
 * properties (and `required`) spelt in lowercase, so that both sides meet. Unknown properties stay unseen: Prism
 * only reads the properties the schema names.
 * @param {Record<string, any>} document a parsed OpenAPI document (not modified)
 */
export function withLowercaseDeepObjectProperties(document) {
  const copy = structuredClone(document);
  for (const parameter of operationsOf(copy).flatMap((entry) => entry.parameters)) {
    if (parameter?.in !== 'query' || parameter.style !== 'deepObject') continue;
    const schema = resolveRef(copy, parameter.schema);
    if (!schema?.properties) continue;
    const names = Object.keys(schema.properties);
    const lowered = names.map((n) => n.toLowerCase());
    if (new Set(lowered).size !== names.length) {
      throw new Error(
        `query parameter ${parameter.name}: properties differ only by case (${names.join(', ')}); Prism cannot tell them apart`,
      );
    }
    parameter.schema = {
      ...schema,
      properties: Object.fromEntries(Object.entries(schema.properties).map(([n, s]) => [n.toLowerCase(), s])),
      ...(Array.isArray(schema.required) ? { required: schema.required.map((n) => n.toLowerCase()) } : {}),
    };
  }
  return copy;
}

// Blind spot (d), an invalid request answered with the first 422 example, is fixed by server.mjs, which answers
// every refused request itself with the operation's documented 400 `validation_failed`.
