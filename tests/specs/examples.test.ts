// Every example the specs carry validates against its schema with an independent JSON Schema 2020-12 validator
// (Ajv2020 + ajv-formats), not only through Redocly: examples are what the mock answers and the docs show.
import { describe, expect, it } from 'vitest';
import { operationsOf } from '../../src/openapi/document.js';
import { apiNames, loadBundle, validatorFor } from '../support/bundles.js';
import { child, follow, mediaTypeSites } from '../support/walk.js';

describe.each(apiNames)('%s examples', (api) => {
  const doc = loadBundle(api);
  const sites = mediaTypeSites(doc);
  const cases = sites.flatMap((s) =>
    s.examples.map((e) => ({
      label: `${s.operationId} ${s.where} example "${e.name}"`,
      pointer: s.schemaPointer,
      value: e.value,
    })),
  );

  it('has media type examples to check', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases)('$label validates against its schema', ({ pointer, value }) => {
    expect(validatorFor(api).validate(pointer, value)).toEqual([]);
  });

  const schemaExamples: { label: string; pointer: string; value: unknown }[] = [];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const examples: unknown[] = Array.isArray((schema as any).examples) ? (schema as any).examples : [];
    examples.forEach((value, i) => {
      schemaExamples.push({ label: `schema ${name} examples[${i}]`, pointer: `#/components/schemas/${name}`, value });
    });
  }
  // A spec without schema-level examples has nothing to check here, so the table is only declared when it has rows.
  if (schemaExamples.length > 0) {
    it.each(schemaExamples)('$label validates against its schema', ({ pointer, value }) => {
      expect(validatorFor(api).validate(pointer, value)).toEqual([]);
    });
  }

  const parameterExamples: { label: string; pointer: string; value: unknown }[] = [];
  const seen = new Set<string>();
  for (const { method, path, parameterSites } of operationsOf(doc)) {
    for (const param of parameterSites) {
      // A Path Item's parameter is every operation's: checked once, where it is written.
      if (seen.has(param.pointer)) continue;
      seen.add(param.pointer);
      const schema = follow(doc, child(param, 'schema'));
      const values: [string, unknown][] = [];
      if ('example' in param.value) values.push(['example', param.value.example]);
      for (const name of Object.keys(param.value.examples ?? {})) {
        values.push([name, follow(doc, child(param, 'examples', name)).value.value]);
      }
      for (const [name, value] of values) {
        parameterExamples.push({
          label: `${method.toUpperCase()} ${path} parameter ${param.value.name} "${name}"`,
          pointer: schema.pointer,
          value,
        });
      }
    }
  }
  if (parameterExamples.length > 0) {
    it.each(parameterExamples)('$label validates against its schema', ({ pointer, value }) => {
      expect(validatorFor(api).validate(pointer, value)).toEqual([]);
    });
  }
});
