// Issue 9 item 2: no path parameter value may change which route is called. Every path parameter of every
// operation of both bundled specs is tried with values that leave their segment or are not uuids; none may reach
// the network, not even as a token request.
import { describe, expect, it } from 'vitest';
import { createIdentityClient, PathParameterError } from '../../src/identity/index.js';
import { identitySpec } from '../../src/identity/spec.js';
import { operationsOf } from '../../src/openapi/document.js';
import { compilePathSchema } from '../../src/path-parameters.js';
import { createPortablClient } from '../../src/portabl/index.js';
import { portablSpec } from '../../src/portabl/spec.js';
import { operationParameters, type SpecDocument } from '../../src/spec-document.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';

const UUID = '4c0ac449-135d-45c8-81f3-a8e96a508c2b';
const ESCAPING = [
  '..',
  '.',
  '',
  '../provider',
  'a/b',
  '%2e%2e',
  `${UUID}/..`,
  `${UUID}?all=true`,
  `${UUID}#x`,
  ' ',
  'not-a-uuid',
];

function pathOperations(spec: SpecDocument) {
  return operationsOf(spec).flatMap(({ method, path: template }) =>
    operationParameters(spec, method, template)
      .filter((p) => p.in === 'path')
      .map((p) => ({
        method: method.toUpperCase(),
        template,
        parameter: p.name,
        others: operationParameters(spec, method, template)
          .filter((o) => o.in === 'path' && o.name !== p.name)
          .map((o) => o.name),
      })),
  );
}

const clients = {
  identity: (fetch: ReturnType<typeof fakeFetch>) =>
    createIdentityClient({ apiKey: 'fake-api-key-for-tests', baseUrl: BASE_URL, fetch, retry: false }),
  portabl: (fetch: ReturnType<typeof fakeFetch>) =>
    createPortablClient({
      clientId: 'test-client-id',
      clientSecret: 'fake-client-secret-for-tests',
      baseUrl: BASE_URL,
      fetch,
      retry: false,
    }),
};
/** Both clients seen through one untyped `request`: the loop below builds paths the typed methods would refuse. */
type UntypedClient = { request(m: string, p: string, init: unknown): Promise<unknown> };
// Cast per member: calling `clients[api]` with a union key made tsc compare the two client types structurally,
// 1.5 s of every type-check of the project.
const untypedClients: Record<'identity' | 'portabl', (fetch: ReturnType<typeof fakeFetch>) => UntypedClient> = {
  identity: (fetch) => clients.identity(fetch) as unknown as UntypedClient,
  portabl: (fetch) => clients.portabl(fetch) as unknown as UntypedClient,
};
const cases = [
  ...pathOperations(identitySpec).map((o) => ({ api: 'identity' as const, ...o })),
  ...pathOperations(portablSpec).map((o) => ({ api: 'portabl' as const, ...o })),
];

describe('path parameters are checked against the spec before anything is sent', () => {
  it('finds the path parameters of both specs (the table below is not empty)', () => {
    expect(cases.map((c) => `${c.api} ${c.method} ${c.template} ${c.parameter}`).length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)(
    '$api $method $template: no value of {$parameter} that is not a uuid reaches the network',
    async ({ api, method, template, parameter, others }) => {
      const fetch = fakeFetch(() => json({}));
      const client = untypedClients[api](fetch);
      for (const value of [...ESCAPING, 42, null]) {
        const path = Object.fromEntries([[parameter, value], ...others.map((o) => [o, UUID])]);
        const error = await client
          .request(method, template, {
            params: { path },
            body: method === 'GET' || method === 'DELETE' ? undefined : {},
          })
          .catch((e: unknown) => e);
        expect(error, JSON.stringify(value)).toBeInstanceOf(PathParameterError);
        expect((error as PathParameterError).parameter).toBe(parameter);
        expect((error as PathParameterError).operation).toMatch(/^[a-z][A-Za-z]+$/);
      }
      expect(fetch.requests).toEqual([]);
    },
  );

  it('Identities: DELETE /identities/{id} with ".." names the operation and the parameter, and sends nothing', async () => {
    const fetch = fakeFetch(() => new Response(null, { status: 204 }));
    const identity = clients.identity(fetch);
    const error = await identity
      .DELETE('/identities/{id}', { params: { path: { id: '..' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PathParameterError);
    expect((error as Error).message).toBe(
      'deleteIdentity: path parameter "id" must be a uuid; the request was not sent',
    );
    expect(fetch.requests).toEqual([]);
  });

  it('Portabl: PUT /provider/users/{userId} with ".." asks for no token and sends nothing', async () => {
    const fetch = fakeFetch(() => json({}));
    const portabl = clients.portabl(fetch);
    const error = await portabl
      .PUT('/provider/users/{userId}', { params: { path: { userId: '..' } }, body: { settings: { isSyncOn: true } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PathParameterError);
    expect((error as PathParameterError).operation).toBe('upsertUser');
    expect(fetch.requests).toEqual([]);
  });

  it('a missing path parameter is refused too, instead of sending "{id}" literally', async () => {
    const fetch = fakeFetch(() => json({}));
    const error = await clients
      .identity(fetch)
      .GET('/identities/{id}', { params: { path: {} } } as never)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('getIdentity: path parameter "id" is missing; the request was not sent');
    expect(fetch.requests).toEqual([]);
  });

  it('a uuid passes, in either case', async () => {
    const fetch = fakeFetch(() => new Response(null, { status: 204 }));
    await clients.identity(fetch).DELETE('/identities/{id}', { params: { path: { id: UUID.toUpperCase() } } });
    expect(fetch.requests.map((r) => r.path)).toEqual([`/identities/${UUID.toUpperCase()}`]);
  });

  it('a keyword the checker does not implement fails loudly instead of being skipped', () => {
    expect(() => compilePathSchema({ type: 'string', oneOf: [] }, 'GET /x/{y}')).toThrow(
      'GET /x/{y}: path parameter keyword "oneOf" is not supported',
    );
    expect(() => compilePathSchema({ type: 'string', format: 'email' }, 'GET /x/{y}')).toThrow(
      'format "email" is not supported',
    );
  });
});
