// What the Identities contract declares beyond body shapes: servers, authentication, the eight operations, the
// sandbox-only endpoint, the rules JSON Schema cannot check (declared as extensions), and which error codes each
// response can carry, with one example per code. Codes are judged by the validator: a response "can carry" a code
// when its schema accepts an error body with that code.
import { describe, expect, it } from 'vitest';
import { childPointer } from '../../src/openapi/document.js';
import { loadBundle, operationsOf, validatorFor } from '../support/bundles.js';
import { child, follow, type Located } from '../support/walk.js';

const doc = loadBundle('identity');
const SANDBOX = 'https://api.sandbox.publicmint.io';
const PRODUCTION = 'https://api.publicmint.io';

function operation(operationId: string) {
  const found = operationsOf('identity').find((o) => o.operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

function response(operationId: string, status: string): Located {
  const { method, path } = operation(operationId);
  const op: Located = { value: doc.paths[path]?.[method], pointer: childPointer('#/paths', path, method) };
  return follow(doc, child(op, 'responses', status));
}

const errorCodes: string[] = doc.components?.schemas?.Error?.properties?.code?.enum ?? [];

/** The codes whose error body the response's schema accepts. */
function codesCarried(operationId: string, status: string): string[] {
  const schema = follow(doc, child(response(operationId, status), 'content', 'application/json', 'schema'));
  return errorCodes.filter(
    (code) => validatorFor('identity').validate(schema.pointer, { code, message: 'm' }).length === 0,
  );
}

describe('Identities servers and authentication', () => {
  it('has the sandbox and production servers, each public and naming its environment', () => {
    expect(doc.servers?.map((s) => s.url)).toEqual([SANDBOX, PRODUCTION]);
    for (const server of doc.servers ?? []) {
      expect((server as Record<string, unknown>)['x-internal']).toBe(false);
    }
    expect(doc.servers?.[0]?.description).toMatch(/sandbox/i);
    expect(doc.servers?.[1]?.description).toMatch(/production/i);
  });

  it('authenticates every operation with an API key in the apikey header', () => {
    expect(doc.security).toEqual([{ apikey: [] }]);
    expect(doc.components?.securitySchemes?.apikey).toMatchObject({ type: 'apiKey', in: 'header', name: 'apikey' });
    for (const { operation: op } of operationsOf('identity')) expect(op.security).toBeUndefined();
  });
});

describe('Identities operations', () => {
  it.each([
    ['post', '/identities', 'createIdentity', '200'],
    ['get', '/identities', 'listIdentities', '200'],
    ['get', '/identities/{id}', 'getIdentity', '200'],
    ['patch', '/identities/{id}', 'updateIdentity', '200'],
    ['delete', '/identities/{id}', 'deleteIdentity', '204'],
    ['get', '/identities/{id}/operations', 'listIdentityOperations', '200'],
    ['get', '/identities/{identityId}/documents/{id}/presign-url', 'getIdentityDocumentPresignUrl', '200'],
    ['post', '/sandbox/identities/approve', 'approveSandboxIdentity', '200'],
  ])('%s %s is %s and answers %s', (method, path, operationId, success) => {
    const found = operation(operationId);
    expect({ method: found.method, path: found.path }).toEqual({ method, path });
    expect(Object.keys(found.operation.responses).filter((s) => s.startsWith('2'))).toEqual([success]);
  });

  it('has exactly these eight operations', () => {
    expect(operationsOf('identity')).toHaveLength(8);
  });

  it('declares DELETE /identities/{id} 204 without a body', () => {
    expect(response('deleteIdentity', '204').value.content).toBeUndefined();
  });

  it('offers the sandbox approval on the sandbox server only', () => {
    expect(operation('approveSandboxIdentity').operation.servers.map((s: { url: string }) => s.url)).toEqual([SANDBOX]);
    const others = operationsOf('identity').filter((o) => o.operation.operationId !== 'approveSandboxIdentity');
    for (const { operation: op } of others) expect(op.servers).toBeUndefined();
  });
});

describe('Identities rules JSON Schema cannot check are declared as extensions', () => {
  it('declares the 18..99 years birthday range as x-age-range and in the description', () => {
    const birthday = doc.components?.schemas?.Birthday;
    expect(birthday['x-age-range']).toEqual({ min: 18, max: 99 });
    expect(birthday.description).toMatch(/between 18 and 99 years old/);
  });

  it('names the fields a confirmed identity cannot change in x-immutable-when-confirmed and in the description', () => {
    const update = doc.components?.schemas?.UpdateIdentityRequest;
    const fields = ['name', 'birthday', 'gender', 'tax.country', 'tax.idNumber'];
    expect(update['x-immutable-when-confirmed']).toEqual(fields);
    for (const field of fields) expect(update.description).toContain(`\`${field}\``);
    expect(operation('updateIdentity').operation.description).toContain('422 identity_confirmed_field_immutable');
  });
});

describe('Identities error responses: the codes each can carry, one example per code', () => {
  const common = { '401': ['unauthorized'], '429': ['too_many_requests'], '500': ['internal_error'] };
  const expected: Record<string, Record<string, string[]>> = {
    createIdentity: {
      '400': ['validation_failed', 'email_already_in_use'],
      '404': ['identity_owner_not_found'],
      '422': ['identity_owner_must_be_of_type_person'],
      ...common,
    },
    listIdentities: { '400': ['validation_failed'], ...common },
    getIdentity: { '400': ['validation_failed'], '404': ['identity_not_found'], ...common },
    updateIdentity: {
      '400': ['validation_failed', 'email_already_in_use'],
      '404': ['identity_owner_not_found', 'identity_not_found'],
      '422': ['identity_owner_must_be_of_type_person', 'identity_confirmed_field_immutable'],
      ...common,
    },
    deleteIdentity: { '400': ['validation_failed'], '404': ['identity_not_found'], ...common },
    listIdentityOperations: { '400': ['validation_failed'], '404': ['identity_not_found'], ...common },
    getIdentityDocumentPresignUrl: { '400': ['validation_failed'], '404': ['identity_not_found'], ...common },
    approveSandboxIdentity: { '400': ['validation_failed'], '404': ['identity_not_found'], ...common },
  };
  const rows = Object.entries(expected).flatMap(([operationId, statuses]) =>
    Object.entries(statuses).map(([status, codes]) => ({ operationId, status, codes })),
  );

  it('lists every documented code, and the codes this contract chose', () => {
    expect(errorCodes).toEqual([
      'validation_failed',
      'email_already_in_use',
      'identity_owner_not_found',
      'identity_owner_must_be_of_type_person',
      'identity_not_found',
      'identity_confirmed_field_immutable',
      'unauthorized',
      'too_many_requests',
      'internal_error',
    ]);
  });

  it('declares exactly these error statuses on every operation', () => {
    for (const { operation: op } of operationsOf('identity')) {
      const errors = Object.keys(op.responses).filter((s) => !s.startsWith('2'));
      expect(errors.sort(), op.operationId).toEqual(Object.keys(expected[op.operationId] ?? {}).sort());
    }
  });

  it.each(rows)('$operationId $status carries exactly $codes', ({ operationId, status, codes }) => {
    expect(codesCarried(operationId, status).sort()).toEqual([...codes].sort());
  });

  it.each(rows)('$operationId $status has one example per code, named by it', ({ operationId, status, codes }) => {
    const mediaType = child(response(operationId, status), 'content', 'application/json');
    const examples = Object.keys(mediaType.value.examples ?? {}).map((name) => ({
      name,
      code: follow(doc, child(mediaType, 'examples', name)).value.value.code,
    }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(examples.sort(byName)).toEqual(codes.map((code) => ({ name: code, code })).sort(byName));
  });

  it('tells the client when to retry a 429 (Retry-After)', () => {
    for (const { operation: op } of operationsOf('identity')) {
      expect(
        follow(doc, child(response(op.operationId, '429'), 'headers', 'Retry-After')).value.schema,
        op.operationId,
      ).toBeDefined();
    }
  });
});
