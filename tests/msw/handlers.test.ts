// @kyc-contracts/sdk/msw: the real clients, made with their default options, run against the handlers in this process
// (msw/node intercepts the global fetch); no server, no port.
import { setupServer } from 'msw/node';
import { createOpenApiHttp } from 'openapi-msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  type components,
  createIdentityClient,
  type paths as IdentityPaths,
  isIdentityApiError,
  unwrap,
} from '../../src/identity/index.js';
import {
  identityHandler,
  identityHandlers,
  MockAnswerError,
  portablHandler,
  portablHandlers,
} from '../../src/msw/index.js';
import { createPortablClient } from '../../src/portabl/index.js';
import { ANY_IDENTITY_ID, COMPANY_BODY, PERSON_BODY } from '../support/bodies.js';
import { apiNames, loadBundle, operationsOf } from '../support/bundles.js';
import { mediaTypeSites } from '../support/walk.js';

const server = setupServer(...portablHandlers(), ...identityHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type CreateIdentity = components['schemas']['CreateIdentityRequest'];
const USER_ID = '4c0ac449-135d-45c8-81f3-a8e96a508c2b';
const identity = () => createIdentityClient({ apiKey: 'fake-api-key-for-msw', validateResponses: true });
const portabl = () =>
  createPortablClient({ clientId: 'fake-client-id', clientSecret: 'fake-client-secret', validateResponses: true });

/** The spec's examples of one response, read independently of the handlers (tests/support/walk.ts). */
function examplesOf(api: (typeof apiNames)[number], operationId: string, status: number) {
  const site = mediaTypeSites(loadBundle(api)).find(
    (s) => s.operationId === operationId && s.where === `response ${status} application/json`,
  );
  return site?.examples ?? [];
}

describe('@kyc-contracts/sdk/msw handlers', () => {
  it('has a handler for every operation of both APIs', () => {
    expect(portablHandlers()).toHaveLength(operationsOf('portabl').length);
    expect(identityHandlers()).toHaveLength(operationsOf('identity').length);
  });

  it('answers every documented status of every operation with each of its examples, asked with Prefer', async () => {
    let checked = 0;
    for (const api of apiNames) {
      const doc = loadBundle(api);
      for (const { method, path, operation } of operationsOf(api)) {
        const base = (operation.servers ?? doc.servers)[0].url;
        const url = base + path.replace(/\{[^}]+\}/g, ANY_IDENTITY_ID);
        for (const status of Object.keys(operation.responses).map(Number)) {
          const examples = examplesOf(api, operation.operationId, status);
          for (const example of examples.length ? examples : [{ name: undefined, value: undefined }]) {
            const prefer = `code=${status}${example.name ? `, example=${example.name}` : ''}`;
            const answer = await fetch(url, {
              method: method.toUpperCase(),
              headers: { prefer, apikey: 'k', authorization: 'Bearer fake-token' },
            });
            expect(`${operation.operationId} ${prefer} → ${answer.status}`).toBe(
              `${operation.operationId} ${prefer} → ${status}`,
            );
            const text = await answer.text();
            expect(text ? JSON.parse(text) : undefined).toEqual(example.value);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('runs the Identities client with validateResponses: the lowest 2xx and its first example by default', async () => {
    const got = unwrap(await identity().GET('/identities/{id}', { params: { path: { id: ANY_IDENTITY_ID } } }));
    expect(got).toEqual(examplesOf('identity', 'getIdentity', 200)[0]?.value);
    const deleted = await identity().DELETE('/identities/{id}', { params: { path: { id: ANY_IDENTITY_ID } } });
    expect(deleted.response.status).toBe(204);
  });

  it('answers a create with the example whose type matches the request body', async () => {
    const examples = Object.fromEntries(examplesOf('identity', 'createIdentity', 200).map((e) => [e.name, e.value]));
    const company = unwrap(await identity().POST('/identities', { body: COMPANY_BODY as CreateIdentity }));
    const person = unwrap(await identity().POST('/identities', { body: PERSON_BODY as CreateIdentity }));
    expect([company.data.type, person.data.type]).toEqual(['company', 'person']);
    expect(company).toEqual(examples['company']);
    expect(person).toEqual(examples['person']);
  });

  it('answers the status or example asked per handler, typed ApiError included', async () => {
    server.use(identityHandler('getIdentity', { status: 404 }), identityHandler('listIdentities', { example: 'all' }));
    const error = await identity()
      .GET('/identities/{id}', { params: { path: { id: ANY_IDENTITY_ID } } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(isIdentityApiError(error, 'getIdentity', 404) && error.body.code).toBe('identity_not_found');
    const list = unwrap(await identity().GET('/identities'));
    expect(list).toEqual(examplesOf('identity', 'listIdentities', 200).find((e) => e.name === 'all')?.value);
  });

  it('answers a body of your own, typed by the documented status', async () => {
    server.use(portablHandler('getUserSettings', { status: 200, body: { isSyncOn: false } }));
    const settings = unwrap(
      await portabl().GET('/provider/users/{userId}/settings', { params: { path: { userId: USER_ID } } }),
    );
    expect(settings).toEqual({ isSyncOn: false });
  });

  it('runs the Portabl client: token request, bearer calls, a 202 without body', async () => {
    const client = portabl();
    const claims = unwrap(
      await client.GET('/provider/users/{userId}/claims', { params: { path: { userId: USER_ID } } }),
    );
    expect(claims).toEqual(examplesOf('portabl', 'getUserClaims', 200)[0]?.value);
    const started = await client.POST('/provider/sync-sessions/{syncSessionId}/start', {
      params: { path: { syncSessionId: USER_ID } },
    });
    expect([started.response.status, started.data]).toEqual([202, undefined]);
  });

  it('answers 401 to a request without the credential, like the mock', async () => {
    const answer = await fetch(`https://api.sandbox.publicmint.io/identities/${ANY_IDENTITY_ID}`);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual(examplesOf('identity', 'getIdentity', 401)[0]?.value);
    const bearerless = await fetch(`https://api.getportabl.com/api/v1/provider/users`, {
      headers: { authorization: 'Basic abc' },
    });
    expect(bearerless.status).toBe(401);
  });

  it('listens where baseUrl says, for a client pointed there', async () => {
    server.use(
      ...identityHandlers({ baseUrl: 'http://127.0.0.1:9/v1/', answers: { getIdentity: { example: 'company' } } }),
    );
    const client = createIdentityClient({ apiKey: 'fake-msw-api-key', baseUrl: 'http://127.0.0.1:9/v1' });
    const got = unwrap(await client.GET('/identities/{id}', { params: { path: { id: ANY_IDENTITY_ID } } }));
    expect(got.data.type).toBe('company');
  });

  it('refuses, when made, an answer the spec does not document, listing what it does', () => {
    // @ts-expect-error 418 is not a documented status of getIdentity
    expect(() => identityHandler('getIdentity', { status: 418 })).toThrow(
      /getIdentity \(GET \/identities\/\{id\}\) documents no 418 answer; documented: 200, 400, 401, 404, 429, 500/,
    );
    expect(() => identityHandler('getIdentity', { example: 'robot' })).toThrow(MockAnswerError);
    expect(() => identityHandler('getIdentity', { example: 'robot' })).toThrow(
      /no 2xx example named "robot"; examples: 200: person, company/,
    );
    // @ts-expect-error no such operation
    expect(() => identityHandlers({ answers: { getRobot: {} } })).toThrow(
      /answers\.getRobot: no such operation; operations: listIdentities, createIdentity, getIdentity/,
    );
    // @ts-expect-error isSyncOn is a boolean
    portablHandler('getUserSettings', { status: 200, body: { isSyncOn: 'yes' } });
  });

  it('answers an undocumented Prefer with a problem naming it, not a crash', async () => {
    const answer = await fetch(`https://api.sandbox.publicmint.io/identities/${ANY_IDENTITY_ID}`, {
      headers: { apikey: 'k', prefer: 'code=418' },
    });
    expect(answer.status).toBe(500);
    expect((await answer.json()).detail).toMatch(/documents no 418 answer/);
  });

  it('leaves room for handlers of your own, typed by the same paths (openapi-msw)', async () => {
    const http = createOpenApiHttp<IdentityPaths>({ baseUrl: 'https://api.sandbox.publicmint.io' });
    server.use(
      http.get('/identities/{id}', ({ params, response }) =>
        response(404).json({ code: 'identity_not_found', message: `no ${params.id}` }),
      ),
    );
    const error = await identity()
      .GET('/identities/{id}', { params: { path: { id: ANY_IDENTITY_ID } } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual({ code: 'identity_not_found', message: `no ${ANY_IDENTITY_ID}` });
  });
});
