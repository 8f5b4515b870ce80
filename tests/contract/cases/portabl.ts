// Portabl Core API: one request per operation, and the statuses it is exercised with (see contract-cases.ts).
import type { PortablClient } from '../../../src/portabl/index.js';
import { createPortablFor } from '../support/clients.js';
import type { ApiContract } from '../support/contract-cases.js';
import type { PortablTarget } from '../support/targets.js';

const USER_ID = '0b5a2c9e-3f41-4a7d-9c1e-2d6f8b4a7e10';
const SYNC_SESSION_ID = 'add04a97-161b-448a-9b89-10ae5b220c26';
const BEARER_ERRORS = [400, 401, 403, 429, 500];

export const portablContract: ApiContract<PortablClient, PortablTarget> = {
  api: 'portabl',
  // Retries off: one case, one answer (the client's own token request, and its resend after a 401, stay).
  createClient: createPortablFor,
  cases: [
    {
      operationId: 'createAccessToken',
      send: (client, headers, target) =>
        client.POST('/provider/token', { body: { clientId: target.clientId, clientSecret: target.clientSecret }, headers }),
      statuses: [200, 400, 401, 429, 500],
    },
    {
      operationId: 'listUsers',
      send: (client, headers) => client.GET('/provider/users', { headers }),
      statuses: [200, ...BEARER_ERRORS],
    },
    {
      operationId: 'upsertUser',
      send: (client, headers) =>
        client.PUT('/provider/users/{userId}', { params: { path: { userId: USER_ID } }, body: { settings: { isSyncOn: true } }, headers }),
      statuses: [200, ...BEARER_ERRORS],
    },
    {
      operationId: 'getUserSettings',
      send: (client, headers) => client.GET('/provider/users/{userId}/settings', { params: { path: { userId: USER_ID } }, headers }),
      statuses: [200, ...BEARER_ERRORS, 404],
    },
    {
      operationId: 'updateUserSettings',
      send: (client, headers) =>
        client.PUT('/provider/users/{userId}/settings', {
          params: { path: { userId: USER_ID } },
          body: { settings: { isSyncOn: false } },
          headers,
        }),
      statuses: [200, ...BEARER_ERRORS, 404],
    },
    {
      operationId: 'getUserClaims',
      send: (client, headers) => client.GET('/provider/users/{userId}/claims', { params: { path: { userId: USER_ID } }, headers }),
      statuses: [200, ...BEARER_ERRORS, 404],
    },
    {
      operationId: 'updateUserClaims',
      send: (client, headers) =>
        client.PUT('/provider/users/{userId}/claims', {
          params: { path: { userId: USER_ID } },
          body: {
            claims: {
              firstName: 'Liz',
              lastName: 'Lemon',
              birthDate: '1970-11-27',
              registrationAddressDetails: { country: 'USA', region: 'New York', postalCode: '10024', locality: 'New York' },
            },
          },
          headers,
        }),
      statuses: [200, ...BEARER_ERRORS, 404],
    },
    {
      operationId: 'listLatestDatapoints',
      send: (client, headers) => client.GET('/provider/data-profiles/latest/datapoints', { headers }),
      statuses: [200, ...BEARER_ERRORS],
    },
    {
      operationId: 'createSyncSession',
      send: (client, headers) =>
        client.POST('/provider/users/{userId}/sync-sessions', {
          params: { path: { userId: USER_ID } },
          body: { syncSessionId: SYNC_SESSION_ID },
          headers,
        }),
      statuses: [201, ...BEARER_ERRORS, 404],
    },
    {
      operationId: 'startSyncSession',
      send: (client, headers) =>
        client.POST('/provider/sync-sessions/{syncSessionId}/start', { params: { path: { syncSessionId: SYNC_SESSION_ID } }, headers }),
      statuses: [202, ...BEARER_ERRORS, 404],
    },
  ],
};
