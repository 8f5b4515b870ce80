// What the runner sends: valid requests that Ajv accepts, for every operation of both bundles; negative requests
// that Ajv refuses at the place they say they break, covering every kind of rule the issue names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationModels } from '../../scripts/conformance/operations.mjs';
import {
  negativeCandidates,
  negativeRequestArbitrary,
  requestIssues,
  validRequestArbitrary,
} from '../../scripts/conformance/requests.mjs';
import { createValidator } from '../../scripts/conformance/spec-validator.mjs';
import { loadBundle } from '../../scripts/conformance/targets.mjs';
import { apiNames } from '../support/bundles.js';

const NOW = Date.UTC(2026, 0, 15);
const RULES = [
  'type',
  'required',
  'enum',
  'pattern',
  'length',
  'format',
  'additionalProperties',
  'if/then',
  'discriminator',
];

describe.each(apiNames)('%s: generated requests', (api) => {
  const doc = loadBundle(api);
  const validator = createValidator(doc, `https://kyc-contracts.invalid/generated-${api}.json`);
  const models = operationModels(doc);

  it('are valid for every operation, and vary', () => {
    for (const model of models) {
      const samples = fc.sample(validRequestArbitrary(doc, model, validator, { now: NOW }), { numRuns: 10, seed: 1 });
      for (const request of samples) expect(requestIssues(model, validator, request), model.operationId).toEqual([]);
      if (model.parameters.length > 0 || model.body)
        expect(new Set(samples.map((s) => JSON.stringify(s))).size, model.operationId).toBeGreaterThan(3);
    }
  });

  it('break one rule each, refused by Ajv where they say', () => {
    const seenRules = new Set<string>();
    for (const model of models.filter((m) => m.parameters.length > 0 || m.body)) {
      for (const request of fc.sample(negativeRequestArbitrary(doc, model, validator, { now: NOW }), {
        numRuns: 25,
        seed: 2,
      })) {
        const issues = requestIssues(model, validator, request);
        expect(issues.length, `${model.operationId} ${JSON.stringify(request.broken)}`).toBeGreaterThan(0);
        const [where, ...rest] = request.broken!.where.split(' ');
        const location = rest.join(' ').replace('(root)', '');
        // An issue names the broken place (body /address/country, query filter.email, path id, or the body itself).
        const named = issues.some((issue) =>
          where === 'body'
            ? issue.startsWith('body') && issue.includes(location.replace(/\/[^/]*$/, ''))
            : issue.startsWith(`${where} ${location.split('.')[0]}`),
        );
        expect(named, `${model.operationId}: ${request.broken!.where} → ${issues.join('; ')}`).toBe(true);
        seenRules.add(request.broken!.rule);
      }
    }
    const expected =
      api === 'identity' ? RULES : RULES.filter((r) => !['if/then', 'discriminator', 'enum'].includes(r));
    for (const rule of expected) expect([...seenRules], rule).toContain(rule);
  });
});

describe('negative requests: regression cases', () => {
  it('an unknown property at the root of a body is added to the body, not sent as a missing body', () => {
    // Found by the first mock run: a root-level edit ('' is a falsy parent) replaced the body with undefined, so
    // createSyncSession was sent no body (valid) and reported as accepting an unknown property.
    const doc = loadBundle('portabl');
    const validator = createValidator(doc, 'https://kyc-contracts.invalid/regression-portabl.json');
    const model = operationModels(doc).find((m) => m.operationId === 'createSyncSession')!;
    const request = {
      operationId: model.operationId,
      method: 'post',
      path: model.path,
      pathParams: { userId: '4c0ac449-135d-45c8-81f3-a8e96a508c2b' },
      query: {},
      headers: {},
      body: {},
      credential: 'valid' as const,
    };
    const unknown = negativeCandidates(doc, model, validator, request).find(
      (c) => c.broken?.rule === 'additionalProperties',
    )!;
    expect(unknown.body).toEqual({ unexpectedProperty: 'x' });
    expect(requestIssues(model, validator, unknown)).not.toEqual([]);
  });
});
