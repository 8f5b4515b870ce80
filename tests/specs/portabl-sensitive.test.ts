// `x-sensitive: true` marks exactly the claims that identify a person on their own, wherever claims appear
// (flat in responses, in the update request), and nothing else. The marks live once, in PersonClaims, which both
// claim schemas include (portabl-claims.test.ts); here they are read through each schema's allOf.
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../support/bundles.js';

const SENSITIVE_CLAIMS = [
  'driverLicenseId',
  'idCardNumber',
  'passportNumber',
  'residencePermitNumber',
  'socialSecurityNumber',
];

const schemas = loadBundle('portabl').components?.schemas ?? {};

/** The properties of a schema, its own and those of its allOf branches, following local $refs. */
function propertiesOf(schema: Record<string, any> | undefined): Record<string, any> {
  if (!schema) return {};
  if (typeof schema.$ref === 'string') return propertiesOf(schemas[schema.$ref.replace('#/components/schemas/', '')]);
  const branches: Record<string, any>[] = schema.allOf ?? [];
  return Object.assign({}, ...branches.map(propertiesOf), schema.properties ?? {});
}

function markedProperties(schemaName: string): string[] {
  return Object.entries(propertiesOf(schemas[schemaName]))
    .filter(([, property]) => property['x-sensitive'] === true)
    .map(([name]) => name)
    .sort();
}

function everyMarkedPointer(node: unknown, pointer = '#'): string[] {
  if (node === null || typeof node !== 'object') return [];
  const here = (node as Record<string, unknown>)['x-sensitive'] === true ? [pointer] : [];
  return here.concat(
    Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => everyMarkedPointer(v, `${pointer}/${k}`)),
  );
}

describe('Portabl x-sensitive marker', () => {
  it.each(['PersonClaims', 'UserClaims', 'UserClaimsInput'])(
    '%s marks exactly the identity document numbers',
    (schemaName) => {
      expect(markedProperties(schemaName)).toEqual(SENSITIVE_CLAIMS);
    },
  );

  it('the identity document number type itself is marked', () => {
    expect(schemas.IdentityDocumentNumber?.['x-sensitive']).toBe(true);
  });

  it('nothing else in the document is marked', () => {
    const allowed = new Set([
      '#/components/schemas/IdentityDocumentNumber',
      ...SENSITIVE_CLAIMS.map((c) => `#/components/schemas/PersonClaims/properties/${c}`),
    ]);
    expect(everyMarkedPointer(loadBundle('portabl')).filter((p) => !allowed.has(p))).toEqual([]);
  });

  it('the API description documents the marker', () => {
    expect(loadBundle('portabl').info.description).toContain('x-sensitive: true');
  });
});
