// Requests that break one rule of the spec, sent through a client to the suite's target: each must be refused with
// the documented 400 validation_failed and, against the mock, Prism's sl-violations header must name the rule and
// (for a missing or unknown property) the property, so that a refusal for another reason does not pass.
import { describe, expect, inject, it } from 'vitest';
import { type ApiName, validatorFor } from '../../support/bundles.js';
import { violationsOf } from './clients.js';
import { documentedRequestSchema } from './spec-responses.js';

export interface Refusal {
  change: string;
  send: () => Promise<{ error?: unknown; response: Response }>;
  /** What Prism must name: location, JSON Schema keyword, and the property of a `required`/`additionalProperties`. */
  violation: string;
}

/** A deep copy of a valid body with one change, typed loosely: the typed clients would (rightly) refuse most. */
export function changed(base: object, change: (copy: any) => void): never {
  const copy = structuredClone(base);
  change(copy);
  return copy as never;
}

/** A value the typed client would not compile, sent as it is. */
export const untyped = (value: unknown) => value as never;

/** Checks each unbroken body against its operation's request schema (Ajv2020), so a refusal is caused by its change. */
export function validBaseTests(api: ApiName, bases: [string, string, unknown][]): void {
  describe(`${api}: the unbroken bodies the refusals change are valid`, () => {
    it.for(bases)('%s (%s)', ([, operationId, body]) => {
      const schema = documentedRequestSchema(api, operationId);
      expect(schema, `${operationId} documents no JSON request body`).toBeDefined();
      expect(validatorFor(api).validate(schema!, body)).toEqual([]);
    });
  });
}

/** One describe per rule family; one test per refusal, titled with the violation it must name. */
export function refusalTests(api: ApiName, families: Record<string, Refusal[]>): void {
  const target = inject('contractTargets')[api];
  for (const [family, refusals] of Object.entries(families)) {
    describe(`${api} refuses with 400 validation_failed: ${family}`, () => {
      it.for(refusals.map((r) => [`${r.change} → ${r.violation}`, r] as const))('%s', async ([, refusal]) => {
        const { error, response } = await refusal.send();
        expect(response.status).toBe(400);
        expect((error as { code?: unknown }).code).toBe('validation_failed');
        // Only Prism explains its refusals in a header; a deployment's 400 body is checked above.
        if (target.kind === 'mock') expect(violationsOf(response)).toContain(refusal.violation);
      });
    });
  }
}
