// Every operation carries what a reader, a generator and a mock need: operationId (camelCase verb-noun), summary,
// description, exactly one tag, security (its own or the document's), a 4xx/5xx error answer, and an example for
// every request and response body.
import { describe, expect, it } from 'vitest';
import { apiNames, loadBundle, operationsOf } from '../support/bundles.js';
import { mediaTypeSites } from '../support/walk.js';

const CAMEL_VERB_NOUN = /^(get|list|create|update|upsert|delete|start|approve|confirm|cancel)[A-Z][A-Za-z0-9]*$/;

describe.each(apiNames)('%s operations', (api) => {
  const doc = loadBundle(api);
  const ops = operationsOf(api).map((o) => ({ ...o, label: `${o.method.toUpperCase()} ${o.path}` }));

  it('is OpenAPI 3.1.0', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  // Without it stock Prism validates bodies as draft-07 and skips unevaluatedProperties (tests/contract/blind-spots).
  it('declares JSON Schema 2020-12 as its schema dialect', () => {
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(ops)(
    '$label has a camelCase verb-noun operationId, a summary, a description and one tag',
    ({ operation }) => {
      expect(operation.operationId).toMatch(CAMEL_VERB_NOUN);
      expect(operation.summary?.trim()).toBeTruthy();
      expect(operation.description?.trim()).toBeTruthy();
      expect(operation.tags).toHaveLength(1);
    },
  );

  it.each(ops)('$label declares its security', ({ operation }) => {
    expect(operation.security ?? doc.security).toBeDefined();
  });

  it('has unique operationIds', () => {
    const ids = ops.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(mediaTypeSites(doc).map((s) => ({ ...s, label: `${s.operationId} ${s.where}` })))(
    '$label has at least one example',
    ({ examples }) => {
      expect(examples.length).toBeGreaterThan(0);
    },
  );
});
