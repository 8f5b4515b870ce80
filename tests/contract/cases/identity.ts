// Identities API: one request per operation, and the statuses it is exercised with (see contract-cases.ts).
import { like, type IdentityClient } from '../../../src/identity/index.js';
import { createIdentityFor } from '../support/clients.js';
import type { ApiContract } from '../support/contract-cases.js';
import type { IdentityTarget } from '../support/targets.js';

const IDENTITY_ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const DOCUMENT_ID = '7c1e2f40-5b6a-4d8e-9f01-23456789abcd';
const ERRORS = [400, 401, 429, 500];

export const identityContract: ApiContract<IdentityClient, IdentityTarget> = {
  api: 'identity',
  // Retries off: one case, one answer.
  createClient: createIdentityFor,
  cases: [
    {
      operationId: 'createIdentity',
      send: (client, headers) =>
        client.POST('/identities', {
          body: {
            type: 'person',
            name: 'Ana Sousa',
            email: 'ana.sousa@example.com',
            birthday: '1990-04-01',
            gender: 'Female',
            address: { city: 'Braga', country: 'PT', postalCode: '4444-333', street: 'Avenida D. João I, 40' },
            phone: { number: '910000000', sms: false },
            tax: { country: 'PT', idNumber: '1111111111' },
          },
          headers,
        }),
      statuses: [200, ...ERRORS, 404, 422],
    },
    {
      operationId: 'listIdentities',
      send: (client, headers) =>
        client.GET('/identities', {
          params: { query: { filter: { email: like('@example.com'), type: 'person' }, page: { size: 2, number: 1 }, sort: '-createdAt' } },
          headers,
        }),
      statuses: [200, ...ERRORS],
    },
    {
      operationId: 'getIdentity',
      send: (client, headers) => client.GET('/identities/{id}', { params: { path: { id: IDENTITY_ID } }, headers }),
      statuses: [200, ...ERRORS, 404],
    },
    {
      operationId: 'updateIdentity',
      send: (client, headers) =>
        client.PATCH('/identities/{id}', { params: { path: { id: IDENTITY_ID } }, body: { email: 'ana.sousa@example.org' }, headers }),
      statuses: [200, ...ERRORS, 404, 422],
    },
    {
      operationId: 'deleteIdentity',
      send: (client, headers) => client.DELETE('/identities/{id}', { params: { path: { id: IDENTITY_ID } }, headers }),
      statuses: [204, ...ERRORS, 404],
    },
    {
      operationId: 'listIdentityOperations',
      send: (client, headers) => client.GET('/identities/{id}/operations', { params: { path: { id: IDENTITY_ID } }, headers }),
      statuses: [200, ...ERRORS, 404],
    },
    {
      operationId: 'getIdentityDocumentPresignUrl',
      send: (client, headers) =>
        client.GET('/identities/{identityId}/documents/{id}/presign-url', {
          params: { path: { identityId: IDENTITY_ID, id: DOCUMENT_ID } },
          headers,
        }),
      statuses: [200, ...ERRORS, 404],
    },
    {
      operationId: 'approveSandboxIdentity',
      send: (client, headers) =>
        client.POST('/sandbox/identities/approve', { body: { identityId: IDENTITY_ID, email: 'ana.sousa@example.com' }, headers }),
      statuses: [200, ...ERRORS, 404],
    },
  ],
};
