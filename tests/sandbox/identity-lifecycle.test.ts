// The Identities sandbox keeps what it is given: create → read back → update → delete → 404, the owner rules of a
// company, the age range of a birthday against the sandbox's today, and the email unique per tenant, also when 50
// creates race for one email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, person, START, startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('Identities sandbox: an identity lives from create to delete', () => {
  it('answers the created person as stored, and the same on read back', async () => {
    const body = person();
    const created = await sandbox.identity('POST', '/identities', body);
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({
      type: 'person',
      email: body.email,
      gender: 'female',
      phone: { number: '910000000', sms: true },
      identityConfirmed: false,
      identityOwner: null,
      createdAt: new Date(START).toISOString(),
    });
    const read = await sandbox.identity('GET', `/identities/${created.body.data.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('updates the fields sent and keeps the others', async () => {
    const created = (await sandbox.identity('POST', '/identities', person())).body.data;
    sandbox.clock.advance(60_000);
    const updated = await sandbox.identity('PATCH', `/identities/${created.id}`, {
      name: 'Maria S. Silva',
      phone: { number: '920000000' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      name: 'Maria S. Silva',
      phone: { number: '920000000', sms: false },
      email: created.email,
    });
    expect(updated.body.data.updatedAt).toBe(new Date(sandbox.clock.now()).toISOString());
    expect((await sandbox.identity('GET', `/identities/${created.id}`)).body.data.name).toBe('Maria S. Silva');
  });

  it('deletes with 204, then answers 404 identity_not_found to every operation on that id', async () => {
    const { id, email } = (await sandbox.identity('POST', '/identities', person())).body.data;
    const deleted = await sandbox.identity('DELETE', `/identities/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    for (const [method, path, body] of [
      ['GET', `/identities/${id}`],
      ['PATCH', `/identities/${id}`, { name: 'Gone' }],
      ['DELETE', `/identities/${id}`],
      ['GET', `/identities/${id}/operations`],
      ['POST', '/sandbox/identities/approve', { identityId: id, email }],
    ] as const) {
      const reply = await sandbox.identity(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.code).toBe('identity_not_found');
      expect(reply.body.message).toContain(id);
    }
  });
});

describe('Identities sandbox: a company and its owner', () => {
  it('creates a company owned by a person', async () => {
    const owner = (await sandbox.identity('POST', '/identities', person())).body.data;
    const created = await sandbox.identity('POST', '/identities', company(owner.id));
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ type: 'company', identityOwner: owner.id });
  });

  it('refuses an owner that does not exist: 404 identity_owner_not_found', async () => {
    const reply = await sandbox.identity('POST', '/identities', company('00000000-0000-4000-8000-000000000000'));
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ code: 'identity_owner_not_found' });
    expect(reply.body.message).toContain('identityOwner');
  });

  it('refuses an owner that is a company: 422 identity_owner_must_be_of_type_person, on create and on update', async () => {
    const owner = (await sandbox.identity('POST', '/identities', person())).body.data;
    const firm = (await sandbox.identity('POST', '/identities', company(owner.id))).body.data;
    const create = await sandbox.identity('POST', '/identities', company(firm.id));
    expect(create.status).toBe(422);
    expect(create.body.code).toBe('identity_owner_must_be_of_type_person');
    const update = await sandbox.identity('PATCH', `/identities/${firm.id}`, { identityOwner: firm.id });
    expect(update.status).toBe(422);
    expect(update.body.code).toBe('identity_owner_must_be_of_type_person');
  });

  it('refuses a company tax without formationRegion on update, though the body does not say it is a company', async () => {
    const owner = (await sandbox.identity('POST', '/identities', person())).body.data;
    const firm = (await sandbox.identity('POST', '/identities', company(owner.id))).body.data;
    const reply = await sandbox.identity('PATCH', `/identities/${firm.id}`, {
      tax: { country: 'PT', idNumber: '509999999' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'validation_failed' });
    expect(reply.body.message).toContain('tax.formationRegion');
  });
});

describe("Identities sandbox: birthday 18 to 99 years before the sandbox's today (x-age-range)", () => {
  // The sandbox's today is 2030-06-15.
  it.each([
    ['2012-06-15', 200, 'exactly 18 today'],
    ['2012-06-16', 400, '18 tomorrow'],
    ['1930-06-16', 200, '99, turning 100 tomorrow'],
    ['1930-06-15', 400, '100 today'],
  ])('birthday %s → %i (%s)', async (birthday, status) => {
    const reply = await sandbox.identity('POST', '/identities', person({ birthday }));
    expect(reply.status).toBe(status);
    if (status === 400) {
      expect(reply.body.code).toBe('validation_failed');
      expect(reply.body.message).toMatch(/^body\.birthday: .*18 to 99 years/);
    }
  });

  it('judges by the sandbox clock: a person too young today is accepted once the clock passes the 18th birthday', async () => {
    const young = await startTestSandbox();
    try {
      const body = person({ birthday: '2012-06-20' });
      expect((await young.identity('POST', '/identities', body)).status).toBe(400);
      young.clock.advance(5 * 86_400_000);
      expect((await young.identity('POST', '/identities', body)).status).toBe(200);
    } finally {
      await young.close();
    }
  });
});

describe('Identities sandbox: one email per tenant', () => {
  it('refuses a second identity with the same email (any case): 400 email_already_in_use, on create and on update', async () => {
    const first = (await sandbox.identity('POST', '/identities', person())).body.data;
    const again = await sandbox.identity('POST', '/identities', person({ email: first.email.toUpperCase() }));
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('email_already_in_use');
    const other = (await sandbox.identity('POST', '/identities', person())).body.data;
    const update = await sandbox.identity('PATCH', `/identities/${other.id}`, { email: first.email });
    expect(update.status).toBe(400);
    expect(update.body.code).toBe('email_already_in_use');
  });

  it('lets exactly one of 50 concurrent creates with one email succeed', async () => {
    const body = person();
    const replies = await Promise.all(Array.from({ length: 50 }, () => sandbox.identity('POST', '/identities', body)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(49);
    expect(replies.filter((r) => r.status === 400).every((r) => r.body.code === 'email_already_in_use')).toBe(true);
    const listed = await sandbox.identity('GET', `/identities?filter[email]=${encodeURIComponent(body.email)}`);
    expect(listed.body.total).toBe(1);
  });
});
