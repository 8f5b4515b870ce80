// The claims are written once: `PersonClaims` holds every claim that responses and the update request carry under
// the same name, and both `UserClaims` (flat, open) and `UserClaimsInput` (nested address, closed) include it with
// allOf, adding only the registration address in their own form.
import { describe, expect, it } from 'vitest';
import { componentIssues, loadBundle } from '../support/bundles.js';

const schemas = loadBundle('portabl').components?.schemas ?? {};
const PERSON_CLAIMS = { $ref: '#/components/schemas/PersonClaims' };

/** The properties a schema adds beside PersonClaims, in the allOf branches that are not the $ref. */
function ownProperties(schemaName: string): string[] {
  const branches: Record<string, any>[] = schemas[schemaName]?.allOf ?? [];
  return branches.flatMap((branch) => Object.keys(branch.properties ?? {})).sort();
}

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

describe('Portabl claims', () => {
  it.each(['UserClaims', 'UserClaimsInput'])('%s includes PersonClaims through allOf', (schemaName) => {
    expect(schemas[schemaName]?.allOf).toContainEqual(PERSON_CLAIMS);
  });

  it.each(['UserClaims', 'UserClaimsInput'])('%s declares no property of its own beside allOf', (schemaName) => {
    expect(schemas[schemaName]?.properties).toBeUndefined();
  });

  it.each(['UserClaims', 'UserClaimsInput'])('%s repeats none of the PersonClaims properties', (schemaName) => {
    const shared = Object.keys(schemas.PersonClaims?.properties ?? {});
    expect(ownProperties(schemaName).filter((name) => shared.includes(name))).toEqual([]);
  });

  it('responses spread the registration address flat: one property per part of the nested request address', () => {
    const nestedParts = Object.keys(schemas.RegistrationAddressDetails?.properties ?? {});
    expect(nestedParts.length).toBeGreaterThan(0);
    expect(ownProperties('UserClaims')).toEqual(
      nestedParts.map((part) => `registrationAddressDetails${capitalized(part)}`).sort(),
    );
  });

  it('the update request adds only the nested address', () => {
    expect(ownProperties('UserClaimsInput')).toEqual(['registrationAddressDetails']);
  });

  it('PersonClaims neither opens nor closes the object: the schemas that include it do', () => {
    expect(schemas.PersonClaims?.additionalProperties).toBeUndefined();
    expect(schemas.PersonClaims?.unevaluatedProperties).toBeUndefined();
    expect(schemas.UserClaims?.unevaluatedProperties).toBeUndefined();
    expect(schemas.UserClaimsInput?.unevaluatedProperties).toBe(false);
  });

  it('a shared claim keeps its rules in both forms', () => {
    const tooLong = { firstName: 'L'.repeat(101) };
    const rule = { path: '/firstName', message: expect.stringMatching(/must NOT have more than 100 characters/) };
    expect(componentIssues('portabl', 'UserClaims', tooLong)).toContainEqual(rule);
    expect(componentIssues('portabl', 'UserClaimsInput', tooLong)).toContainEqual(rule);
  });

  it('responses accept an unknown claim, requests reject it', () => {
    expect(componentIssues('portabl', 'UserClaims', { firstName: 'Liz', nickname: 'Lizzie' })).toEqual([]);
    expect(componentIssues('portabl', 'UserClaimsInput', { firstName: 'Liz', nickname: 'Lizzie' })).toEqual([
      { path: '', message: expect.stringMatching(/must NOT have unevaluated properties.*"nickname"/) },
    ]);
  });
});
