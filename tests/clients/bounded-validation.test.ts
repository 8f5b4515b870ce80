// Issue 9 item 6: validating a response takes time linear in its size and the error lists a bounded number of
// issues with a count of the rest. Ajv's every-error mode was quadratic: 30,000 invalid list items (60 kB) blocked
// the event loop for ~5 s, and the message ran to megabytes. No timing is asserted here (see the report for the
// figures); the bounds on what is listed are.
import { describe, expect, it } from 'vitest';
import { createIdentityClient, ResponseValidationError } from '../../src/identity/index.js';
import { identitySpec } from '../../src/identity/spec.js';
import { MAX_LISTED_ISSUES } from '../../src/spec-validator.js';
import { validatorFor } from '../../src/validator-cache.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';

/** The spec's own example of a stored person. */
function validIdentity(): Record<string, unknown> {
  const examples =
    (identitySpec.components as { examples?: Record<string, { value?: { data?: unknown } }> }).examples ?? {};
  const found = Object.values(examples)
    .map((e) => e.value?.data)
    .find((d) => d && typeof d === 'object' && !Array.isArray(d) && (d as { type?: string }).type === 'person');
  if (!found) throw new Error('the bundled Identities spec has no example of a stored person');
  return structuredClone(found) as Record<string, unknown>;
}

async function listWith(data: unknown[]) {
  const fetch = fakeFetch(() => json({ total: data.length, data }));
  const identity = createIdentityClient({
    apiKey: 'fake-api-key-for-tests',
    baseUrl: BASE_URL,
    fetch,
    validateResponses: true,
  });
  return identity.GET('/identities').catch((e: unknown) => e);
}

describe('bounded response validation', () => {
  it('30,000 invalid items: a ResponseValidationError listing at most 20 issues, with the count of the rest', async () => {
    const error = await listWith(Array.from({ length: 30_000 }, () => ({ bogus: 1 })));
    expect(error).toBeInstanceOf(ResponseValidationError);
    const e = error as ResponseValidationError;
    expect(e.issues.length).toBeGreaterThan(1);
    expect(e.issues.length).toBeLessThanOrEqual(MAX_LISTED_ISSUES);
    expect(e.more).toBeGreaterThan(0);
    expect(e.unexamined).toBe(30_000 - 10);
    expect(e.message).toMatch(
      /; and \d+ more issues \(29990 array items past the first of each array not examined for further issues\)$/,
    );
    // A size budget, not a timing: the message stays a few kilobytes.
    expect(e.message.length).toBeLessThan(8_000);
  });

  it('a body whose only issue lies past the first ten items still fails, naming that item (the first pass sees it all)', () => {
    const validator = validatorFor(identitySpec, 'identity');
    const data = Array.from({ length: 50 }, (_, i) =>
      i === 37 ? { ...validIdentity(), bogus: 1, type: 'robot' } : validIdentity(),
    );
    const found = validator.validateBounded('#/components/schemas/IdentityListResponse', { total: 50, data });
    expect(found.issues.length).toBeGreaterThan(0);
    expect(found.issues.every((i) => i.path.startsWith('/data/37'))).toBe(true);
    expect(found.unexamined).toBe(40);
  });

  it('a valid list of 5,000 identities passes', async () => {
    const result = await listWith(Array.from({ length: 5_000 }, validIdentity));
    expect(result).not.toBeInstanceOf(Error);
  });
});
