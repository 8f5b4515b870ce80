// The real causes of each documented status on the sandbox (src/sandbox), used instead of Prism's Prefer header:
// 400 from a request that breaks the spec, 401 from a credential the sandbox does not know, 403 from a token without
// the operation's scope, 404 from another tenant's credential (a foreign id answers as an unknown one), 409 from
// sending again what the default exchange did, 422 from a confirmed identity or a company named as owner, 429 from
// a credential that used up its rate limit. What the sandbox cannot be made to answer is named, with the reason.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { loadBundle } from '../../support/bundles.js';
import type { IdentityRun } from '../cases/identity.js';
import type { PortablRun } from '../cases/portabl.js';
import type { Cause, CauseTable } from './contract-cases.js';
import type { IdentityTarget, PortablTarget } from './targets.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The sandbox the global setup started: its targets, a second tenant, and a twin whose credentials are out of requests. */
    contractSandbox: {
      portabl: PortablTarget;
      identity: IdentityTarget;
      foreign: { clientId: string; clientSecret: string; apiKey: string };
      rateLimited: { portabl: string; identity: string };
    };
  }
}

type Send = (request: Request) => Promise<Response>;

const NOT_REACHABLE_500 =
  'the sandbox has no fault to inject: a 500 would be its own failure, and every answer of its own suite is checked';

/** The same request with a JSON body changed by `edit`, or with an undocumented query parameter when it has no body. */
async function broken(
  request: Request,
  edit: (body: Record<string, unknown>) => Record<string, unknown>,
): Promise<Request> {
  const text = await request.clone().text();
  if (!text) {
    const url = new URL(request.url);
    url.searchParams.set('unexpectedParameter', '1');
    return new Request(url, request);
  }
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: JSON.stringify(edit(JSON.parse(text) as Record<string, unknown>)),
  });
}

const withUnknownProperty: Send = async (request) =>
  fetch(await broken(request, (body) => ({ ...body, unexpectedProperty: true })));

/** Sends the request to the rate-limited twin (it shares the credentials and the signing key). */
const elsewhere =
  (from: string, to: string): Send =>
  (request) =>
    fetch(new Request(request.url.replace(from, to), request));

const cause = <Target, Run>(description: string, prepare: Cause<Target, Run>['prepare']): Cause<Target, Run> => ({
  description,
  prepare,
});

/** The scope the Portabl spec's security requirement names for an operation. */
function scopeOf(operationId: string): string | undefined {
  for (const item of Object.values(loadBundle('portabl').paths)) {
    for (const operation of Object.values(item) as { operationId?: string; security?: Record<string, string[]>[] }[]) {
      if (operation?.operationId === operationId) return Object.values(operation.security?.[0] ?? {})[0]?.[0];
    }
  }
  return undefined;
}

/**
 * A `send` that changes only the operation's own request: the Portabl client first asks for a token on its own (a
 * request without an Authorization header, also before an explicit POST /provider/token), which stays as it is.
 */
function operationOnly(alter: (request: Request) => Request | Promise<Request>): Send {
  return async (request) => fetch(request.headers.has('authorization') ? await alter(request) : request);
}

export function portablCauses(): CauseTable<PortablTarget, PortablRun> {
  const sandbox = inject('contractSandbox');
  const foreign: PortablTarget = {
    ...sandbox.portabl,
    clientId: sandbox.foreign.clientId,
    clientSecret: sandbox.foreign.clientSecret,
  };
  const bearer = (token: string) => (request: Request) => {
    request.headers.set('authorization', `Bearer ${token}`);
    return request;
  };
  return {
    causeOf(operationId, status) {
      switch (status) {
        case 400:
          return cause('a body property or query parameter the spec does not document', async () => ({
            send: operationOnly((request) => broken(request, (body) => ({ ...body, unexpectedProperty: true }))),
          }));
        case 401:
          return operationId === 'createAccessToken'
            ? cause('a wrong client secret', async () => ({
                send: operationOnly((request) =>
                  broken(request, (body) => ({ ...body, clientSecret: 'not-the-secret-of-this-client' })),
                ),
              }))
            : cause('a bearer token the sandbox did not sign', async () => ({
                send: operationOnly(bearer('not.a.sandbox-token')),
              }));
        case 403:
          return cause(`a token without ${scopeOf(operationId)}`, async ({ target }) => {
            const needed = scopeOf(operationId);
            const other = needed === 'read:data-profiles' ? 'read:provider-users' : 'read:data-profiles';
            const reply = await fetch(`${target.baseUrl}/provider/token`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ clientId: target.clientId, clientSecret: target.clientSecret, scopes: [other] }),
            });
            const { accessToken } = (await reply.json()) as { accessToken: string };
            return { send: operationOnly(bearer(accessToken)) };
          });
        case 404:
          return cause("another tenant's credential (the id is foreign to it)", async () => ({ target: foreign }));
        case 409:
          return cause(
            operationId === 'startSyncSession'
              ? 'the session the default exchange started'
              : 'the syncSessionId the default exchange used',
            async () => ({}),
          );
        case 429:
          return cause('a credential that used up its rate limit', async () => ({
            send: operationOnly(
              (request) =>
                new Request(request.url.replace(sandbox.portabl.baseUrl, sandbox.rateLimited.portabl), request),
            ),
          }));
        case 500:
          return { notReachable: NOT_REACHABLE_500 };
        default:
          return { notReachable: `no cause of ${status} is known on the sandbox` };
      }
    },
  };
}

export function identityCauses(): CauseTable<IdentityTarget, IdentityRun> {
  const sandbox = inject('contractSandbox');
  const post = (path: string, body: unknown) =>
    fetch(`${sandbox.identity.baseUrl}${path}`, {
      method: 'POST',
      headers: { apikey: sandbox.identity.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  /** A create body turned into a company owned by `owner`, with an email of its own. */
  const companyOf = (owner: string) => async (request: Request) =>
    fetch(
      await broken(request, (body) => ({
        ...body,
        type: 'company',
        email: `contract+${randomUUID().slice(0, 8)}@example.com`,
        identityOwner: owner,
        tax: { ...(body['tax'] as object), formationRegion: 'Braga' },
      })),
    );
  return {
    causeOf(operationId, status) {
      if (operationId === 'createIdentity' && status === 404)
        return cause('an identityOwner no identity has', async () => ({ send: companyOf(randomUUID()) }));
      if (operationId === 'createIdentity' && status === 422) {
        return cause('a company named as identityOwner', async ({ run }) => {
          const owner = run.identity!.id;
          const company = await post('/identities', {
            type: 'company',
            name: 'Contract Company',
            email: `contract+${randomUUID().slice(0, 8)}@example.com`,
            address: { city: 'Braga', country: 'PT', postalCode: '4700-001', street: 'Rua do Souto, 12' },
            phone: { number: '253000000' },
            tax: { country: 'PT', idNumber: '509999999', formationRegion: 'Braga' },
            identityOwner: owner,
          });
          return { send: companyOf(((await company.json()) as { data: { id: string } }).data.id) };
        });
      }
      if (operationId === 'updateIdentity' && status === 422) {
        return cause('a name change on an identity the sandbox approved', async ({ run }) => {
          await post('/sandbox/identities/approve', { identityId: run.identity!.id, email: run.identity!.email });
          return { send: async (request) => fetch(await broken(request, () => ({ name: 'Another Name' }))) };
        });
      }
      switch (status) {
        case 400:
          return cause('a body property or query parameter the spec does not document', async () => ({
            send: withUnknownProperty,
          }));
        case 401:
          return cause('an API key the sandbox does not know', async ({ target }) => ({
            target: { ...target, apiKey: 'not-a-key-of-this-sandbox' },
          }));
        case 404:
          return cause("another tenant's API key (the id is foreign to it)", async ({ target }) => ({
            target: { ...target, apiKey: sandbox.foreign.apiKey },
          }));
        case 429:
          return cause('an API key that used up its rate limit', async () => ({
            send: elsewhere(sandbox.identity.baseUrl, sandbox.rateLimited.identity),
          }));
        case 500:
          return { notReachable: NOT_REACHABLE_500 };
        default:
          return { notReachable: `no cause of ${status} is known on the sandbox` };
      }
    },
  };
}
