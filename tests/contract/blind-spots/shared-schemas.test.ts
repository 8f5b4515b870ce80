// Blind spot (b): stoplightio/prism#2574 reports that Prism stops validating a request body whose schema is shared
// with other operations. This file shows what Prism 5.14.2 does today: with the issue's own reproduction, and with
// every schema that our bundles share between the requests of two or more operations, broken once through each
// operation that uses it, under stock Prism and under our mock. A row missing for a shared schema fails the
// completeness test, naming it; so a new shared schema, or a new operation using one, gets checked too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPrism } from '../../../scripts/mock/prism.mjs';
import { operationsOf } from '../../../src/openapi/document.js';
import { ANY_IDENTITY_ID, COMPANY_BODY, PERSON_BODY, PT_ADDRESS } from '../../support/bodies.js';
import { type ApiName, apiNames, loadBundle } from '../../support/bundles.js';
import { send, startBundleMock, startDocumentMock, violationPaths } from '../support/private-mock.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const petstore2574 = JSON.parse(readFileSync(path.join(here, '..', 'fixtures', 'prism-2574-petstore.json'), 'utf8'));

describe('stoplightio/prism#2574 reproduction (OAI petstore, Pet shared by three operations)', () => {
  let mock: RunningPrism;
  beforeAll(async () => {
    mock = await startDocumentMock('prism-2574-petstore', petstore2574);
  });
  afterAll(() => mock?.close());

  it('an invalid POST /pets body (no name) is rejected: the issue does not reproduce with prism-cli 5.14.2', async () => {
    const answer = await send(mock.url, 'POST', '/pets', { body: { id: 1 } });
    expect(answer.status).toBe(422);
    expect(violationPaths(answer)).toEqual(['body required']);
    expect(answer.violations[0]?.message).toContain("'name'");
  });
});

// ---- The schemas our bundles share between the requests of operations ----

/** Component schemas a request of each operation reaches (body and parameters, through any $ref chain). */
function schemasByOperation(api: ApiName): Map<string, Set<string>> {
  const doc = loadBundle(api);
  const components = doc.components ?? {};
  const reached = (node: unknown, into: Set<string>): Set<string> => {
    if (!node || typeof node !== 'object') return into;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const [, , kind, name] = ref.split('/');
      if (kind === 'schemas' && name && !into.has(name)) {
        into.add(name);
        reached(components['schemas']?.[name], into);
      } else if ((kind === 'parameters' || kind === 'requestBodies') && name) {
        reached(components[kind]?.[name], into);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'examples' && key !== 'example') reached(value, into);
    }
    return into;
  };
  const byOperation = new Map<string, Set<string>>();
  for (const { operation, parameters } of operationsOf(doc)) {
    byOperation.set(operation.operationId, reached([parameters, operation.requestBody], new Set()));
  }
  return byOperation;
}

/** schema → the operations whose requests reach it, for schemas reached by two or more. */
function sharedRequestSchemas(api: ApiName): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const [operationId, schemas] of schemasByOperation(api)) {
    for (const schema of schemas) users.set(schema, [...(users.get(schema) ?? []), operationId]);
  }
  return new Map([...users].filter(([, operations]) => operations.length > 1));
}

interface BrokenRequest {
  api: ApiName;
  schema: string;
  operationId: string;
  method: string;
  path: string;
  body?: unknown;
  /** The violation Prism must report: location then JSON Schema keyword. */
  violation: string;
}

const ID = ANY_IDENTITY_ID;
const PERSON = PERSON_BODY;
const COMPANY = COMPANY_BODY;

const create = (schema: string, body: unknown, violation: string): BrokenRequest => ({
  api: 'identity',
  schema,
  operationId: 'createIdentity',
  method: 'POST',
  path: '/identities',
  body,
  violation,
});
const update = (schema: string, body: unknown, violation: string): BrokenRequest => ({
  api: 'identity',
  schema,
  operationId: 'updateIdentity',
  method: 'PATCH',
  path: `/identities/${ID}`,
  body,
  violation,
});
const badIdentityId = (operationId: string, method: string, pathWithBadId: string): BrokenRequest => ({
  api: 'identity',
  schema: 'Uuid',
  operationId,
  method,
  path: pathWithBadId,
  violation: 'path.id format',
});
const settings = (
  operationId: string,
  path: string,
  schema: string,
  body: unknown,
  violation: string,
): BrokenRequest => ({ api: 'portabl', schema, operationId, method: 'PUT', path, body, violation });
const badUserId = (operationId: string, method: string, suffix: string, body?: unknown): BrokenRequest => ({
  api: 'portabl',
  schema: 'UserId',
  operationId,
  method,
  path: `/provider/users/not-a-uuid${suffix}`,
  body,
  violation: 'path.userid format',
});

const US_WITHOUT_STATE = { ...PT_ADDRESS, country: 'US' };
const BAD_DOCUMENT = [{ side: 'Top', type: 'Passport', url: 'https://example.com/passport.jpg' }];

// Prism lowercases parameter names in its locations (path.userid): see query-parameter-case.test.ts.
const brokenRequests: BrokenRequest[] = [
  create('IdentityFields', { ...PERSON, nickname: 'Ana' }, 'body additionalProperties'),
  update('IdentityFields', { nickname: 'Ana' }, 'body additionalProperties'),
  create('Address', { ...PERSON, address: US_WITHOUT_STATE }, 'body.address required'),
  update('Address', { address: US_WITHOUT_STATE }, 'body.address required'),
  create('CountryCode', { ...PERSON, address: { ...PT_ADDRESS, country: 'pt' } }, 'body.address.country pattern'),
  update('CountryCode', { tax: { country: 'pt', idNumber: '1' } }, 'body.tax.country pattern'),
  create('Tax', { ...PERSON, tax: { country: 'PT' } }, 'body.tax required'),
  update('Tax', { tax: { country: 'PT' } }, 'body.tax required'),
  create('CompanyTax', { ...COMPANY, tax: { country: 'PT', idNumber: '2' } }, 'body.tax required'),
  update('CompanyTax', { type: 'company', tax: { country: 'PT', idNumber: '2' } }, 'body.tax required'),
  create('Phone', { ...PERSON, phone: { number: '910000000', sms: 'no' } }, 'body.phone.sms type'),
  update('Phone', { phone: { number: '910000000', sms: 'no' } }, 'body.phone.sms type'),
  create('Document', { ...PERSON, documents: BAD_DOCUMENT }, 'body.documents.0.side enum'),
  update('Document', { documents: BAD_DOCUMENT }, 'body.documents.0.side enum'),
  create('Url', { ...PERSON, faceImages: ['not a uri'] }, 'body.faceImages.0 format'),
  update('Url', { faceImages: ['not a uri'] }, 'body.faceImages.0 format'),
  create('Email', { ...PERSON, email: 'not-an-email' }, 'body.email format'),
  update('Email', { email: 'not-an-email' }, 'body.email format'),
  {
    api: 'identity',
    schema: 'Email',
    operationId: 'approveSandboxIdentity',
    method: 'POST',
    path: '/sandbox/identities/approve',
    body: { identityId: ID, email: 'not-an-email' },
    violation: 'body.email format',
  },
  create('RequestGender', { ...PERSON, gender: 'male' }, 'body.gender enum'),
  update('RequestGender', { gender: 'male' }, 'body.gender enum'),
  create('Birthday', { ...PERSON, birthday: '01/04/1990' }, 'body.birthday format'),
  update('Birthday', { birthday: '01/04/1990' }, 'body.birthday format'),
  create('IdentityName', { ...PERSON, name: 'A'.repeat(256) }, 'body.name maxLength'),
  update('IdentityName', { name: 'A'.repeat(256) }, 'body.name maxLength'),
  create('IdentityType', { ...PERSON, type: 'robot' }, 'body.type const'),
  update('IdentityType', { type: 'robot' }, 'body.type enum'),
  {
    api: 'identity',
    schema: 'IdentityType',
    operationId: 'listIdentities',
    method: 'GET',
    path: '/identities?filter[type]=robot',
    violation: 'query.filter.type enum',
  },
  create('Uuid', { ...COMPANY, identityOwner: 'not-a-uuid' }, 'body.identityOwner format'),
  update('Uuid', { identityOwner: 'not-a-uuid' }, 'body.identityOwner format'),
  {
    api: 'identity',
    schema: 'Uuid',
    operationId: 'approveSandboxIdentity',
    method: 'POST',
    path: '/sandbox/identities/approve',
    body: { identityId: 'not-a-uuid', email: 'ana@example.com' },
    violation: 'body.identityId format',
  },
  badIdentityId('getIdentity', 'GET', '/identities/not-a-uuid'),
  badIdentityId('deleteIdentity', 'DELETE', '/identities/not-a-uuid'),
  badIdentityId('listIdentityOperations', 'GET', '/identities/not-a-uuid/operations'),
  badIdentityId('getIdentityDocumentPresignUrl', 'GET', `/identities/${ID}/documents/not-a-uuid/presign-url`),
  settings(
    'upsertUser',
    `/provider/users/${ID}`,
    'UserSettingsRequest',
    { settings: { isSyncOn: true }, extra: 1 },
    'body additionalProperties',
  ),
  settings(
    'updateUserSettings',
    `/provider/users/${ID}/settings`,
    'UserSettingsRequest',
    { settings: { isSyncOn: true }, extra: 1 },
    'body additionalProperties',
  ),
  settings(
    'upsertUser',
    `/provider/users/${ID}`,
    'UserSettingsInput',
    { settings: { isSyncOn: 'true' } },
    'body.settings.isSyncOn type',
  ),
  settings(
    'updateUserSettings',
    `/provider/users/${ID}/settings`,
    'UserSettingsInput',
    { settings: { isSyncOn: 'true' } },
    'body.settings.isSyncOn type',
  ),
  badUserId('upsertUser', 'PUT', '', { settings: { isSyncOn: true } }),
  badUserId('getUserSettings', 'GET', '/settings'),
  badUserId('updateUserSettings', 'PUT', '/settings', { settings: { isSyncOn: true } }),
  badUserId('getUserClaims', 'GET', '/claims'),
  badUserId('updateUserClaims', 'PUT', '/claims', { claims: { firstName: 'Ana' } }),
  badUserId('createSyncSession', 'POST', '/sync-sessions'),
  {
    api: 'portabl',
    schema: 'SyncSessionId',
    operationId: 'createSyncSession',
    method: 'POST',
    path: `/provider/users/${ID}/sync-sessions`,
    body: { syncSessionId: 'not-a-uuid' },
    violation: 'body.syncSessionId format',
  },
  {
    api: 'portabl',
    schema: 'SyncSessionId',
    operationId: 'startSyncSession',
    method: 'POST',
    path: '/provider/sync-sessions/not-a-uuid/start',
    violation: 'path.syncsessionid format',
  },
];

const unbrokenRequests: Omit<BrokenRequest, 'schema' | 'violation'>[] = [
  { api: 'identity', operationId: 'createIdentity', method: 'POST', path: '/identities', body: PERSON },
  { api: 'identity', operationId: 'createIdentity', method: 'POST', path: '/identities', body: COMPANY },
  {
    api: 'identity',
    operationId: 'updateIdentity',
    method: 'PATCH',
    path: `/identities/${ID}`,
    body: { email: 'ana@example.com' },
  },
  {
    api: 'identity',
    operationId: 'updateIdentity',
    method: 'PATCH',
    path: `/identities/${ID}`,
    body: { type: 'company', tax: COMPANY.tax },
  },
  {
    api: 'identity',
    operationId: 'approveSandboxIdentity',
    method: 'POST',
    path: '/sandbox/identities/approve',
    body: { identityId: ID, email: 'ana@example.com' },
  },
  { api: 'identity', operationId: 'listIdentities', method: 'GET', path: '/identities?filter[type]=person' },
  {
    api: 'identity',
    operationId: 'getIdentityDocumentPresignUrl',
    method: 'GET',
    path: `/identities/${ID}/documents/${ID}/presign-url`,
  },
  {
    api: 'portabl',
    operationId: 'upsertUser',
    method: 'PUT',
    path: `/provider/users/${ID}`,
    body: { settings: { isSyncOn: true } },
  },
  {
    api: 'portabl',
    operationId: 'updateUserClaims',
    method: 'PUT',
    path: `/provider/users/${ID}/claims`,
    body: { claims: { firstName: 'Ana' } },
  },
  {
    api: 'portabl',
    operationId: 'createSyncSession',
    method: 'POST',
    path: `/provider/users/${ID}/sync-sessions`,
    body: { syncSessionId: ID },
  },
  { api: 'portabl', operationId: 'startSyncSession', method: 'POST', path: `/provider/sync-sessions/${ID}/start` },
];

const CREDENTIALS: Record<ApiName, Record<string, string>> = {
  portabl: { authorization: 'Bearer fake.access.token-for-examples-only' },
  identity: { apikey: 'fake-api-key-for-the-mock' },
};

const variants = apiNames.flatMap((api) => [
  { api, mock: 'stock prism mock --errors', workarounds: false },
  { api, mock: 'our mock', workarounds: true },
]);

describe.each(variants)(
  '$api under $mock: schemas shared between operations are validated in each',
  ({ api, workarounds }) => {
    let mock: RunningPrism;
    beforeAll(async () => {
      mock = await startBundleMock(api, { workarounds });
    });
    afterAll(() => mock?.close());

    // The broken requests are these with one thing changed: each must pass as it is, so a rejection is the change's.
    it.each(
      unbrokenRequests.filter((r) => r.api === api).map((r) => [`${r.operationId} ${r.method} ${r.path}`, r] as const),
    )('unbroken %s is accepted', async (_name, request) => {
      const answer = await send(mock.url, request.method, request.path, {
        headers: CREDENTIALS[api],
        body: request.body,
      });
      expect(answer.violations).toEqual([]);
      expect(answer.status).toBeLessThan(300);
    });

    it('every shared request schema has a broken request through each operation that uses it', () => {
      const missing = [...sharedRequestSchemas(api)].flatMap(([schema, operations]) =>
        operations
          .filter(
            (operationId) =>
              !brokenRequests.some((r) => r.api === api && r.schema === schema && r.operationId === operationId),
          )
          .map((operationId) => `${schema} via ${operationId}`),
      );
      expect(missing).toEqual([]);
    });

    it.each(
      brokenRequests
        .filter((r) => r.api === api)
        .map((r) => [`${r.schema} via ${r.operationId}: ${r.violation}`, r] as const),
    )('%s', async (_name, request) => {
      const answer = await send(mock.url, request.method, request.path, {
        headers: CREDENTIALS[api],
        body: request.body,
      });
      expect(answer.status, JSON.stringify(answer.violations)).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(violationPaths(answer)).toContain(request.violation);
    });
  },
);
