// Blind spot (a): Prism validates a body as JSON Schema draft-07 unless the document names a dialect, and draft-07
// knows no `unevaluatedProperties`: a body with an unknown property passes stock Prism although the spec forbids it.
// Two workarounds, each proven here: the OpenAPI 3.1 root field `jsonSchemaDialect` (a spec change, for anyone who
// runs stock Prism on a bundle), and our mock's configuration, which gives every 3.1 document that dialect.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPrism } from '../../../scripts/mock/prism.mjs';
import { childPointer } from '../../../src/openapi/document.js';
import { createSpecValidator } from '../../../src/spec-validator.js';
import { apiNames, loadBundle } from '../../support/bundles.js';
import { send, startDocumentMock, violationPaths } from '../support/private-mock.js';

const DIALECT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const fixture = JSON.parse(
  readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'unevaluated-properties.json'),
    'utf8',
  ),
);
const bodyWithUnknownProperty = { name: 'a thing', colour: 'red' };

describe('a body closed with unevaluatedProperties, sent with an unknown property', () => {
  let stock: RunningPrism;
  let stockWithDialect: RunningPrism;
  let served: RunningPrism;
  beforeAll(async () => {
    [stock, stockWithDialect, served] = await Promise.all([
      startDocumentMock('dialect-absent-stock', fixture, { workarounds: false }),
      startDocumentMock(
        'dialect-declared-stock',
        { ...fixture, jsonSchemaDialect: DIALECT_2020_12 },
        { workarounds: false },
      ),
      startDocumentMock('dialect-absent-served', fixture),
    ]);
  });
  afterAll(async () => {
    await Promise.all([stock?.close(), stockWithDialect?.close(), served?.close()]);
  });

  it('is invalid by the spec: Ajv2020 over the same document rejects it', () => {
    const issues = createSpecValidator(fixture).validate('#/components/schemas/Thing', bodyWithUnknownProperty);
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('must NOT have unevaluated properties')]);
  });

  it('passes stock Prism (`prism mock --errors`): 201, no violation', async () => {
    const answer = await send(stock.url, 'POST', '/things', { body: bodyWithUnknownProperty });
    expect(answer.status).toBe(201);
    expect(answer.violations).toEqual([]);
  });

  it('is rejected by stock Prism once the document declares jsonSchemaDialect 2020-12 (spec workaround)', async () => {
    const answer = await send(stockWithDialect.url, 'POST', '/things', { body: bodyWithUnknownProperty });
    expect(answer.status).toBe(422);
    expect(violationPaths(answer)).toEqual(['body unevaluatedProperties']);
    expect(answer.violations[0]?.message).toContain("'colour'");
  });

  it('is rejected by our mock without any change to the document (mock workaround)', async () => {
    const answer = await send(served.url, 'POST', '/things', { body: bodyWithUnknownProperty });
    expect(answer.status).toBe(422);
    expect(violationPaths(answer)).toEqual(['body unevaluatedProperties']);
  });

  it('while a valid body still passes our mock', async () => {
    const answer = await send(served.url, 'POST', '/things', { body: { name: 'a thing' } });
    expect(answer.status).toBe(201);
    expect(answer.violations).toEqual([]);
  });
});

describe('the bundles under stock Prism', () => {
  /** JSON pointers of every `unevaluatedProperties` that restricts something (`true` allows all: nothing to miss). */
  function restrictingUnevaluatedProperties(node: unknown, pointer = '#'): string[] {
    if (!node || typeof node !== 'object') return [];
    return Object.entries(node).flatMap(([key, value]) => [
      ...(key === 'unevaluatedProperties' && value !== true ? [`${pointer}/${key}`] : []),
      ...restrictingUnevaluatedProperties(value, childPointer(pointer, key)),
    ]);
  }

  // Partners may run stock Prism on the published bundle: a rule it would skip needs `jsonSchemaDialect` in the spec.
  it.each(apiNames)('%s: no unevaluatedProperties rule that stock Prism would skip', (api) => {
    const bundle = loadBundle(api);
    const skipped = bundle['jsonSchemaDialect'] === DIALECT_2020_12 ? [] : restrictingUnevaluatedProperties(bundle);
    expect(skipped).toEqual([]);
  });
});
