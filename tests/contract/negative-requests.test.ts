// Requests that break a rule of the spec (the negative cases of tests/specs/*-negative.test.ts), sent through the
// clients to the suite's target: each is refused with the documented 400 validation_failed. Against the mock, Prism's
// sl-violations header must also name the rule broken, so a refusal for another reason does not pass.
// The bodies are cast: the typed clients would (rightly) not compile most of them.
import { describe, expect, inject, it } from 'vitest';
import { identityClient, portablClient, violationsOf } from './support/clients.js';

const USER_ID = '0b5a2c9e-3f41-4a7d-9c1e-2d6f8b4a7e10';
const IDENTITY_ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const PT_ADDRESS = { city: 'Braga', country: 'PT', postalCode: '4444-333', street: 'Avenida D. João I, 40' };
const PERSON = {
  type: 'person',
  name: 'Ana Sousa',
  email: 'ana.sousa@example.com',
  birthday: '1990-04-01',
  gender: 'Female',
  address: PT_ADDRESS,
  phone: { number: '910000000', sms: false },
  tax: { country: 'PT', idNumber: '1111111111' },
};
const COMPANY = {
  type: 'company',
  name: 'Sousa Lda',
  email: 'geral@sousa.example.com',
  identityOwner: IDENTITY_ID,
  address: PT_ADDRESS,
  phone: { number: '253000000' },
  tax: { country: 'PT', idNumber: '509999999', formationRegion: 'Braga' },
};
const without = <T extends object>(value: T, key: keyof T) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
const body = (value: unknown) => value as never;

interface Refusal {
  change: string;
  send: () => Promise<{ error?: unknown; response: Response }>;
  /** The rule Prism must name: location, then the JSON Schema keyword. */
  violation: string;
}

const portabl: Refusal[] = [
  { change: 'token request without clientSecret', violation: 'body required',
    send: () => portablClient().POST('/provider/token', { body: body({ clientId: 'contract-test-client' }) }) },
  { change: 'token request with grant_type (an unknown property)', violation: 'body additionalProperties',
    send: () => portablClient().POST('/provider/token', { body: body({ clientId: 'a', clientSecret: 'b', grant_type: 'client_credentials' }) }) },
  { change: 'isSyncOn as the string "true"', violation: 'body.settings.isSyncOn type',
    send: () => portablClient().PUT('/provider/users/{userId}', { params: { path: { userId: USER_ID } }, body: body({ settings: { isSyncOn: 'true' } }) }) },
  { change: 'settings with an unknown setting', violation: 'body.settings additionalProperties',
    send: () => portablClient().PUT('/provider/users/{userId}/settings', { params: { path: { userId: USER_ID } }, body: body({ settings: { isSyncOn: true, isSyncOff: false } }) }) },
  { change: 'claims update with a flat address claim (requests nest it)', violation: 'body.claims additionalProperties',
    send: () => portablClient().PUT('/provider/users/{userId}/claims', { params: { path: { userId: USER_ID } }, body: body({ claims: { registrationAddressDetailsCountry: 'USA' } }) }) },
  { change: 'sync session id that is not a uuid', violation: 'body.syncSessionId format',
    send: () => portablClient().POST('/provider/users/{userId}/sync-sessions', { params: { path: { userId: USER_ID } }, body: { syncSessionId: 'session-1' } }) },
  { change: 'user id that is not a uuid', violation: 'path.userid format',
    send: () => portablClient().GET('/provider/users/{userId}/claims', { params: { path: { userId: 'user-1' } } }) },
];

const identity: Refusal[] = [
  { change: 'person without birthday', violation: 'body required',
    send: () => identityClient().POST('/identities', { body: body(without(PERSON, 'birthday')) }) },
  { change: 'US address without state', violation: 'body.address required',
    send: () => identityClient().POST('/identities', { body: body({ ...PERSON, address: { ...PT_ADDRESS, country: 'US' } }) }) },
  { change: 'company without identityOwner', violation: 'body required',
    send: () => identityClient().POST('/identities', { body: body(without(COMPANY, 'identityOwner')) }) },
  { change: 'company tax without formationRegion', violation: 'body.tax required',
    send: () => identityClient().POST('/identities', { body: body({ ...COMPANY, tax: { country: 'PT', idNumber: '509999999' } }) }) },
  { change: 'person with an unknown property', violation: 'body additionalProperties',
    send: () => identityClient().POST('/identities', { body: body({ ...PERSON, nickname: 'Ana' }) }) },
  { change: 'gender in the stored casing ("female")', violation: 'body.gender enum',
    send: () => identityClient().PATCH('/identities/{id}', { params: { path: { id: IDENTITY_ID } }, body: body({ gender: 'female' }) }) },
  { change: 'update making a company with a tax without formationRegion', violation: 'body.tax required',
    send: () => identityClient().PATCH('/identities/{id}', { params: { path: { id: IDENTITY_ID } }, body: body({ type: 'company', tax: { country: 'PT', idNumber: '1' } }) }) },
  { change: 'an operator the field does not allow: filter[email]=in:…', violation: 'query.filter.email pattern',
    send: () => identityClient().GET('/identities', { params: { query: { filter: { email: 'in:a@example.com,b@example.com' } } } }) },
  { change: 'an operator the camelCase field does not allow: filter[identityOwner]=like:…', violation: 'query.filter.identityowner pattern',
    send: () => identityClient().GET('/identities', { params: { query: { filter: { identityOwner: `like:${IDENTITY_ID}` } } } }) },
  { change: 'page[size] above 100', violation: 'query.page.size maximum',
    send: () => identityClient().GET('/identities', { params: { query: { page: { size: 1000, number: 1 } } } }) },
  { change: 'sort by a field that is not sortable', violation: 'query.sort enum',
    send: () => identityClient().GET('/identities', { params: { query: { sort: body('name') } } }) },
  { change: 'sandbox approval without email', violation: 'body required',
    send: () => identityClient().POST('/sandbox/identities/approve', { body: body({ identityId: IDENTITY_ID }) }) },
];

const targets = inject('contractTargets');

describe.each([
  ['portabl', portabl],
  ['identity', identity],
] as const)('%s: a request that breaks the spec is refused with 400 validation_failed', (api, refusals) => {
  it.each(refusals.map((r) => [r.change, r] as const))('%s', async (_change, refusal) => {
    const { error, response } = await refusal.send();
    expect(response.status).toBe(400);
    expect((error as { code?: unknown }).code).toBe('validation_failed');
    if (targets[api].kind === 'mock') expect(violationsOf(response)).toContain(refusal.violation);
  });
});
