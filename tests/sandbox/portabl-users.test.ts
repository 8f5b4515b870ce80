// Portabl sandbox users: created by the upsert, listed with their claims and settings; settings and claims round-trip
// (claims nested on update, flat on read; the update answer adds _id and userId); unknown users answer 404; the
// datapoints are the seeded data profile.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSpecs } from '../../src/sandbox/specs.js';
import { startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const claims = {
  firstName: 'Liz',
  lastName: 'Lemon',
  birthDate: '1970-11-27',
  socialSecurityNumber: '987-65-4321',
  registrationAddressDetails: { country: 'USA', locality: 'New York', postalCode: '10024' },
};

describe('Portabl sandbox: users, settings and claims', () => {
  it('creates a user with the upsert and lists it with its settings and empty claims', async () => {
    const userId = randomUUID();
    const upsert = await sandbox.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } });
    expect(upsert).toMatchObject({ status: 200, body: { isSyncOn: true } });
    const list = await sandbox.portabl('GET', '/provider/users');
    expect(list.body.users).toContainEqual({ id: userId, claims: {}, settings: { isSyncOn: true } });
  });

  it('round-trips settings through update and read', async () => {
    const userId = randomUUID();
    await sandbox.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } });
    expect(
      (await sandbox.portabl('PUT', `/provider/users/${userId}/settings`, { settings: { isSyncOn: false } })).body,
    ).toEqual({ isSyncOn: false });
    expect((await sandbox.portabl('GET', `/provider/users/${userId}/settings`)).body).toEqual({ isSyncOn: false });
    expect((await sandbox.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } })).body).toEqual({
      isSyncOn: true,
    });
    expect((await sandbox.portabl('GET', `/provider/users/${userId}/settings`)).body).toEqual({ isSyncOn: true });
  });

  it('stores claims nested and answers them flat, with _id and userId on the update, merged across updates', async () => {
    const userId = randomUUID();
    await sandbox.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } });
    const flat = {
      firstName: 'Liz',
      lastName: 'Lemon',
      birthDate: '1970-11-27',
      socialSecurityNumber: '987-65-4321',
      registrationAddressDetailsCountry: 'USA',
      registrationAddressDetailsLocality: 'New York',
      registrationAddressDetailsPostalCode: '10024',
    };
    const updated = await sandbox.portabl('PUT', `/provider/users/${userId}/claims`, { claims });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), userId, ...flat });
    const again = await sandbox.portabl('PUT', `/provider/users/${userId}/claims`, {
      claims: { middleName: 'Esther' },
    });
    expect(again.body).toEqual({ _id: updated.body._id, userId, ...flat, middleName: 'Esther' });
    expect((await sandbox.portabl('GET', `/provider/users/${userId}/claims`)).body).toEqual({
      ...flat,
      middleName: 'Esther',
    });
    const listed = (await sandbox.portabl('GET', '/provider/users')).body.users.find((u: any) => u.id === userId);
    expect(listed.claims).toEqual({ ...flat, middleName: 'Esther' });
  });

  it.each([
    ['GET', '/settings', undefined],
    ['PUT', '/settings', { settings: { isSyncOn: true } }],
    ['GET', '/claims', undefined],
    ['PUT', '/claims', { claims }],
    ['POST', '/sync-sessions', undefined],
  ])('%s /provider/users/{unknown}%s answers 404', async (method, suffix, body) => {
    const userId = randomUUID();
    const reply = await sandbox.portabl(method, `/provider/users/${userId}${suffix}`, body);
    expect(reply.status).toBe(404);
    expect(reply.body.message).toContain(userId);
  });

  it('refuses claims with the address flat or an unknown claim: 400 naming the property', async () => {
    const userId = randomUUID();
    await sandbox.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } });
    const flatAddress = await sandbox.portabl('PUT', `/provider/users/${userId}/claims`, {
      claims: { registrationAddressDetailsCountry: 'USA' },
    });
    expect(flatAddress.status).toBe(400);
    expect(flatAddress.body.message).toContain('body.claims.registrationAddressDetailsCountry');
  });
});

describe('Portabl sandbox: datapoints', () => {
  it("answers the seeded data profile (the spec's DatapointList example)", async () => {
    const reply = await sandbox.portabl('GET', '/provider/data-profiles/latest/datapoints');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual((sandboxSpecs.portabl.components as any).examples.DatapointList.value);
  });
});
