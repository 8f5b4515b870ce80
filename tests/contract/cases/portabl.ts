// Portabl Core API: one request per operation, and the answers it is exercised with (see support/contract-cases.ts).
// The cases run in this order against the mock and a deployment alike: the upsert creates a user under a uuid fresh
// to the run before anything reads it (the API has no delete: a deployment keeps one user per run), its claims are
// written before they are read, and the sync session started is the one the create answered.
import { randomUUID } from 'node:crypto';
import type { PortablClient } from '../../../src/portabl/index.js';
import { createPortablFor } from '../support/clients.js';
import { type ApiContract, NO_BODY } from '../support/contract-cases.js';
import type { PortablTarget } from '../support/targets.js';

const BEARER_ERRORS = {
  400: 'validation_failed',
  401: 'invalid_token',
  403: 'insufficient_scope',
  429: 'rate_limited',
  500: 'internal_error',
} as const;
const NOT_FOUND = { 404: 'not_found' } as const;

export interface PortablRun {
  /** Fresh per run: the upsert creates the user. */
  userId: string;
  /** Set once the upsert passed: the cases after it read or change that user. */
  userUpserted?: boolean;
  /** The id asked for in the create request (the API lets a provider choose it). */
  requestedSyncSessionId: string;
  /** The id of the sync session the create answered: the one to start. */
  syncSessionId?: string;
}

export const newPortablRun = (): PortablRun => ({ userId: randomUUID(), requestedSyncSessionId: randomUUID() });

function upsertedUser(run: PortablRun): string {
  if (!run.userUpserted)
    throw new Error(`no user to address: upsertUser → 200 did not pass in this run (user ${run.userId})`);
  return run.userId;
}

export const portablContract: ApiContract<PortablClient, PortablTarget, PortablRun> = {
  api: 'portabl',
  // Retries off: one case, one answer (the client's own token request, and its resend after a 401, stay).
  createClient: createPortablFor,
  newRun: newPortablRun,
  cases: [
    {
      operationId: 'createAccessToken',
      send: (client, headers, { target }) =>
        client.POST('/provider/token', {
          body: { clientId: target.clientId, clientSecret: target.clientSecret },
          headers,
        }),
      answers: {
        200: 'access_token',
        400: 'validation_failed',
        401: 'invalid_token',
        429: 'rate_limited',
        500: 'internal_error',
      },
    },
    {
      operationId: 'upsertUser',
      send: (client, headers, { run }) =>
        client.PUT('/provider/users/{userId}', {
          params: { path: { userId: run.userId } },
          body: { settings: { isSyncOn: true } },
          headers,
        }),
      remember: (_body, run) => {
        run.userUpserted = true;
      },
      answers: { 200: 'user_settings', ...BEARER_ERRORS },
    },
    {
      operationId: 'getUserSettings',
      send: (client, headers, { run }) =>
        client.GET('/provider/users/{userId}/settings', { params: { path: { userId: upsertedUser(run) } }, headers }),
      answers: { 200: 'user_settings', ...BEARER_ERRORS, ...NOT_FOUND },
    },
    {
      operationId: 'updateUserSettings',
      send: (client, headers, { run }) =>
        client.PUT('/provider/users/{userId}/settings', {
          params: { path: { userId: upsertedUser(run) } },
          body: { settings: { isSyncOn: false } },
          headers,
        }),
      answers: { 200: 'user_settings', ...BEARER_ERRORS, ...NOT_FOUND },
    },
    {
      operationId: 'updateUserClaims',
      send: (client, headers, { run }) =>
        client.PUT('/provider/users/{userId}/claims', {
          params: { path: { userId: upsertedUser(run) } },
          body: {
            claims: {
              firstName: 'Liz',
              lastName: 'Lemon',
              birthDate: '1970-11-27',
              registrationAddressDetails: {
                country: 'USA',
                region: 'New York',
                postalCode: '10024',
                locality: 'New York',
              },
            },
          },
          headers,
        }),
      answers: { 200: 'updated_user_claims', ...BEARER_ERRORS, ...NOT_FOUND },
    },
    {
      operationId: 'getUserClaims',
      send: (client, headers, { run }) =>
        client.GET('/provider/users/{userId}/claims', { params: { path: { userId: upsertedUser(run) } }, headers }),
      answers: { 200: 'user_claims', ...BEARER_ERRORS, ...NOT_FOUND },
    },
    {
      operationId: 'listUsers',
      send: (client, headers) => client.GET('/provider/users', { headers }),
      answers: { 200: 'user_list', ...BEARER_ERRORS },
    },
    {
      operationId: 'listLatestDatapoints',
      send: (client, headers) => client.GET('/provider/data-profiles/latest/datapoints', { headers }),
      answers: { 200: 'datapoint_list', ...BEARER_ERRORS },
    },
    {
      operationId: 'createSyncSession',
      send: (client, headers, { run }) =>
        client.POST('/provider/users/{userId}/sync-sessions', {
          params: { path: { userId: upsertedUser(run) } },
          body: { syncSessionId: run.requestedSyncSessionId },
          headers,
        }),
      remember: (body, run) => {
        run.syncSessionId = (body as { syncSession: { id: string } }).syncSession.id;
      },
      answers: { 201: 'sync_session_created', ...BEARER_ERRORS, ...NOT_FOUND, 409: 'sync_session_id_in_use' },
    },
    {
      operationId: 'startSyncSession',
      send: (client, headers, { run }) => {
        const syncSessionId = run.syncSessionId;
        if (syncSessionId === undefined)
          throw new Error('no sync session to start: createSyncSession → 201 did not pass in this run');
        return client.POST('/provider/sync-sessions/{syncSessionId}/start', {
          params: { path: { syncSessionId } },
          headers,
        });
      },
      answers: { 202: NO_BODY, ...BEARER_ERRORS, ...NOT_FOUND, 409: 'sync_session_already_started' },
    },
  ],
};
