// The runner's Ajv setup (scripts/conformance/spec-validator.mjs, plain Node) judges exactly as the clients' and the
// tests' (src/spec-validator.ts): same verdicts on every example of both bundles, and on each example broken.
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../scripts/conformance/spec-validator.mjs';
import { apiNames, loadBundle, validatorFor } from '../support/bundles.js';
import { mediaTypeSites } from '../support/walk.js';

describe.each(apiNames)('%s: the conformance validator agrees with src/spec-validator.ts', (api) => {
  it('on every example and on the same example with an unknown property, a wrong type and a null', () => {
    const doc = loadBundle(api);
    const ours = createValidator(doc, `https://kyc-contracts.invalid/agree-${api}.json`);
    const reference = validatorFor(api);
    let compared = 0;
    for (const site of mediaTypeSites(doc)) {
      for (const { value } of site.examples) {
        const variants = [value, null, 42, Array.isArray(value) ? {} : [value]];
        if (value && typeof value === 'object' && !Array.isArray(value))
          variants.push({ ...value, unexpectedProperty: 1 });
        for (const variant of variants) {
          const expected = reference.validate(site.schemaPointer, variant).length === 0;
          expect(ours.validate(site.schemaPointer, variant).length === 0, `${site.operationId} ${site.where}`).toBe(
            expected,
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
