// Identities API: one request per operation, and the answers it is exercised with (see support/contract-cases.ts).
// The cases run in this order against the mock and a deployment alike: create an identity with an email unique to
// the run, then address the identity the create answered (get, list, operations, update, sandbox approval, presign
// URL), and delete it last. Prism keeps no state and answers its examples whatever the id, so one flow serves both.
import { randomBytes } from 'node:crypto';
import type { IdentityClient } from '../../../src/identity/index.js';
import { createIdentityFor } from '../support/clients.js';
import { type ApiContract, NO_BODY, NotApplicable } from '../support/contract-cases.js';
import type { IdentityTarget } from '../support/targets.js';

/** Any uuid gets the presign example from the mock, which stores nothing; only a deployment needs a real one. */
const ANY_DOCUMENT_ID_FOR_THE_MOCK = '7c1e2f40-5b6a-4d8e-9f01-23456789abcd';
const ERRORS = {
  400: 'validation_failed',
  401: 'unauthorized',
  429: 'too_many_requests',
  500: 'internal_error',
} as const;

export interface IdentityRun {
  /** Unique per run: a deployment refuses an email it already has (400 email_already_in_use). */
  email: string;
  /** The email the update sets, unique too. */
  updatedEmail: string;
  /** The identity the create answered, with its email as the latest answer gives it: the later cases address it. */
  identity?: { id: string; email: string };
  /** A document id, if the create answer carried one (the spec's Identity documents none). */
  documentId?: string;
}

export function newIdentityRun(): IdentityRun {
  const token = randomBytes(6).toString('hex');
  return { email: `contract+${token}@example.com`, updatedEmail: `contract+${token}.updated@example.com` };
}

function created(run: IdentityRun): { id: string; email: string } {
  if (!run.identity) throw new Error('no identity to address: createIdentity → 200 did not pass in this run');
  return run.identity;
}

/** `{data: {...}}`, the envelope of one identity, read loosely: only the fields the run needs. */
interface IdentityEnvelope {
  data: { id: string; email: string; documents?: { id?: unknown }[] };
}

export const identityContract: ApiContract<IdentityClient, IdentityTarget, IdentityRun> = {
  api: 'identity',
  // Retries off: one case, one answer.
  createClient: createIdentityFor,
  newRun: newIdentityRun,
  cases: [
    {
      operationId: 'createIdentity',
      send: (client, headers, { run }) =>
        client.POST('/identities', {
          body: {
            type: 'person',
            name: 'Ana Sousa',
            email: run.email,
            birthday: '1990-04-01',
            gender: 'Female',
            address: { city: 'Braga', country: 'PT', postalCode: '4444-333', street: 'Avenida D. João I, 40' },
            phone: { number: '910000000', sms: false },
            tax: { country: 'PT', idNumber: '1111111111' },
            // A document, so that a deployment which answers with document ids gives the presign case one to ask for.
            documents: [
              {
                side: 'FrontSide',
                type: 'IdentityCard',
                label: 'id card',
                url: 'https://documents.example.com/contract/id-card.jpeg',
              },
            ],
          },
          headers,
        }),
      remember: (body, run) => {
        const { data } = body as IdentityEnvelope;
        run.identity = { id: data.id, email: data.email };
        const documentId = data.documents?.[0]?.id;
        if (typeof documentId === 'string') run.documentId = documentId;
      },
      answers: {
        200: ['person', 'us_person', 'company'],
        ...ERRORS,
        400: ['validation_failed', 'email_already_in_use'],
        404: 'identity_owner_not_found',
        422: 'identity_owner_must_be_of_type_person',
      },
    },
    {
      operationId: 'getIdentity',
      send: (client, headers, { run }) =>
        client.GET('/identities/{id}', { params: { path: { id: created(run).id } }, headers }),
      answers: { 200: ['person', 'company'], ...ERRORS, 404: 'identity_not_found' },
    },
    {
      operationId: 'listIdentities',
      send: (client, headers, { run }) =>
        client.GET('/identities', {
          params: {
            query: {
              filter: { id: created(run).id, type: 'person' },
              page: { size: 2, number: 1 },
              sort: '-createdAt',
            },
          },
          headers,
        }),
      answers: { 200: ['page', 'all'], ...ERRORS },
    },
    {
      operationId: 'listIdentityOperations',
      send: (client, headers, { run }) =>
        client.GET('/identities/{id}/operations', { params: { path: { id: created(run).id } }, headers }),
      answers: { 200: 'operations', ...ERRORS, 404: 'identity_not_found' },
    },
    {
      operationId: 'updateIdentity',
      send: (client, headers, { run }) =>
        client.PATCH('/identities/{id}', {
          params: { path: { id: created(run).id } },
          body: { email: run.updatedEmail },
          headers,
        }),
      // The id stays the one the create answered; the email is now the one the update answer gives.
      remember: (body, run) => {
        run.identity = { id: created(run).id, email: (body as IdentityEnvelope).data.email };
      },
      answers: {
        200: 'updated_person',
        ...ERRORS,
        400: ['validation_failed', 'email_already_in_use'],
        404: ['identity_not_found', 'identity_owner_not_found'],
        422: ['identity_owner_must_be_of_type_person', 'identity_confirmed_field_immutable'],
      },
    },
    {
      operationId: 'approveSandboxIdentity',
      send: (client, headers, { run }) =>
        client.POST('/sandbox/identities/approve', {
          body: { identityId: created(run).id, email: created(run).email },
          headers,
        }),
      answers: { 200: 'approved', ...ERRORS, 404: 'identity_not_found' },
    },
    {
      operationId: 'getIdentityDocumentPresignUrl',
      send: (client, headers, { target, run }) => {
        const documentId = run.documentId ?? (target.kind === 'mock' ? ANY_DOCUMENT_ID_FOR_THE_MOCK : undefined);
        if (documentId === undefined) {
          throw new NotApplicable(
            "the created identity's answer carries no document id (the spec's Identity documents none), so there is no document to ask a URL for",
          );
        }
        return client.GET('/identities/{identityId}/documents/{id}/presign-url', {
          params: { path: { identityId: created(run).id, id: documentId } },
          headers,
        });
      },
      answers: { 200: 'presigned_url', ...ERRORS, 404: 'identity_not_found' },
    },
    {
      operationId: 'deleteIdentity',
      send: (client, headers, { run }) =>
        client.DELETE('/identities/{id}', { params: { path: { id: created(run).id } }, headers }),
      answers: { 204: NO_BODY, ...ERRORS, 404: 'identity_not_found' },
    },
  ],
};
