// `x-sensitive: true` marks exactly the claims that identify a person on their own, wherever claims appear
// (flat in responses, in the update request), and nothing else.
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

function markedProperties(schemaName: string): string[] {
  const properties: Record<string, any> = schemas[schemaName]?.properties ?? {};
  return Object.entries(properties)
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
  it.each(['UserClaims', 'UserClaimsInput'])('%s marks exactly the identity document numbers', (schemaName) => {
    expect(markedProperties(schemaName)).toEqual(SENSITIVE_CLAIMS);
  });

  it('the identity document number type itself is marked', () => {
    expect(schemas.IdentityDocumentNumber?.['x-sensitive']).toBe(true);
  });

  it('nothing else in the document is marked', () => {
    const allowed = new Set([
      '#/components/schemas/IdentityDocumentNumber',
      ...['UserClaims', 'UserClaimsInput'].flatMap((s) => SENSITIVE_CLAIMS.map((c) => `#/components/schemas/${s}/properties/${c}`)),
    ]);
    expect(everyMarkedPointer(loadBundle('portabl')).filter((p) => !allowed.has(p))).toEqual([]);
  });

  it('the API description documents the marker', () => {
    expect(loadBundle('portabl').info.description).toContain('x-sensitive: true');
  });
});
