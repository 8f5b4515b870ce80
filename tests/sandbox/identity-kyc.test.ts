// KYC in the Identities sandbox: before approval every operation is inactive with a reason the spec lists
// (x-reasons); approval confirms the identity, changes its KYC status and turns its operations on; a confirmed
// identity then refuses changes to the fields of x-immutable-when-confirmed (422) and accepts the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSpecs } from '../../src/sandbox/specs.js';
import { person, startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const schemas = (sandboxSpecs.identity.components as any).schemas;
const reasons = Object.keys(schemas.IdentityOperation.properties.reason['x-reasons']);
const codes: string[] = schemas.IdentityOperation.properties.code.enum;
const locked: string[] = schemas.UpdateIdentityRequest['x-immutable-when-confirmed'];

async function approved() {
  const identity = (await sandbox.identity('POST', '/identities', person())).body.data;
  const reply = await sandbox.identity('POST', '/sandbox/identities/approve', {
    identityId: identity.id,
    email: identity.email,
  });
  expect(reply.status).toBe(200);
  expect(reply.body.message).toContain(identity.id);
  return identity;
}

describe('Identities sandbox: KYC approval and operations', () => {
  it('lists every operation inactive, with a documented reason, before approval', async () => {
    const identity = (await sandbox.identity('POST', '/identities', person())).body.data;
    const operations = await sandbox.identity('GET', `/identities/${identity.id}/operations`);
    expect(operations.status).toBe(200);
    expect(operations.body.data.map((o: any) => o.code).sort()).toEqual([...codes].sort());
    for (const operation of operations.body.data) {
      expect(operation.active).toBe(false);
      expect(reasons).toContain(operation.reason);
    }
  });

  it('confirms the identity, records the approval in kycStatus and turns every operation on', async () => {
    const identity = await approved();
    const stored = (await sandbox.identity('GET', `/identities/${identity.id}`)).body.data;
    expect(stored.identityConfirmed).toBe(true);
    expect(stored.kycStatus).toEqual([expect.objectContaining({ status: 'approved' })]);
    const operations = (await sandbox.identity('GET', `/identities/${identity.id}/operations`)).body.data;
    expect(operations.every((o: any) => o.active === true && o.reason === undefined)).toBe(true);
  });

  it("refuses an approval whose email is not the identity's: 400 naming email", async () => {
    const identity = (await sandbox.identity('POST', '/identities', person())).body.data;
    const reply = await sandbox.identity('POST', '/sandbox/identities/approve', {
      identityId: identity.id,
      email: 'someone.else@example.com',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/^body\.email: /);
  });
});

describe('Identities sandbox: a confirmed identity locks x-immutable-when-confirmed', () => {
  const changes: Record<string, Record<string, unknown>> = {
    name: { name: 'Another Name' },
    birthday: { birthday: '1991-01-01' },
    gender: { gender: 'Male' },
    'tax.country': { tax: { country: 'ES', idNumber: '123456789' } },
    'tax.idNumber': { tax: { country: 'PT', idNumber: '999999999' } },
  };

  it('has a change for every locked field the spec lists', () => {
    expect(Object.keys(changes).sort()).toEqual([...locked].sort());
  });

  it.each(Object.entries(changes))(
    'refuses changing %s: 422 identity_confirmed_field_immutable naming it',
    async (field, change) => {
      const identity = await approved();
      const reply = await sandbox.identity('PATCH', `/identities/${identity.id}`, change);
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('identity_confirmed_field_immutable');
      expect(reply.body.message).toContain(`body.${field}`);
      expect((await sandbox.identity('GET', `/identities/${identity.id}`)).body.data).toMatchObject({
        name: identity.name,
        tax: identity.tax,
      });
    },
  );

  it('accepts the fields that are not locked, and a locked field sent unchanged', async () => {
    const identity = await approved();
    const reply = await sandbox.identity('PATCH', `/identities/${identity.id}`, {
      phone: { number: '930000000' },
      name: identity.name,
      gender: 'Female',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data.phone.number).toBe('930000000');
  });
});
