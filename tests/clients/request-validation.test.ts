// Issue 9 item 8: what the types cannot catch (unknown properties, `if`/`then` rules) compiles and is refused by
// the API. `validateRequests: true` refuses such a request before it is sent, with a RequestValidationError that
// lists each JSON path.
import { describe, expect, it } from 'vitest';
import { createIdentityClient, RequestValidationError } from '../../src/identity/index.js';
import { createPortablClient } from '../../src/portabl/index.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';
import { fakePortabl, USER_ID } from '../support/fake-portabl.js';

const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';

function identityClient(validateRequests = true) {
  const fetch = fakeFetch(() => json({ total: 0, data: [] }));
  return {
    fetch,
    identity: createIdentityClient({ apiKey: 'fake-api-key-for-tests', baseUrl: BASE_URL, fetch, validateRequests }),
  };
}

async function refusal(call: Promise<unknown>): Promise<RequestValidationError> {
  const error = await call.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  return error as RequestValidationError;
}

describe('opt-in request validation', () => {
  it('PATCH with a property the spec does not have ({nickname}): refused, naming /body/nickname, nothing sent', async () => {
    const { fetch, identity } = identityClient();
    // Compiles: TypeScript does not check excess properties through the spread.
    const body = { name: 'Ana', ...{ nickname: 'x' } };
    const error = await refusal(identity.PATCH('/identities/{id}', { params: { path: { id: ID } }, body }));
    expect(error.issues.map((i) => i.path)).toContain('/body/nickname');
    expect(error.message).toMatch(/^updateIdentity: the request does not match the spec and was not sent: /);
    expect(fetch.requests).toEqual([]);
  });

  it('PATCH with a US address without state (an if/then rule the types lose): refused at /body/address/state', async () => {
    const { fetch, identity } = identityClient();
    const address = { city: 'Austin', country: 'US', postalCode: '73301', street: '1 Main St' };
    const error = await refusal(
      identity.PATCH('/identities/{id}', { params: { path: { id: ID } }, body: { address } }),
    );
    expect(error.issues.map((i) => i.path)).toContain('/body/address/state');
    expect(fetch.requests).toEqual([]);
  });

  it('page: {limit: 2}: refused at /query/page/limit', async () => {
    const { fetch, identity } = identityClient();
    const page = { size: 2, ...{ limit: 2 } };
    const error = await refusal(identity.GET('/identities', { params: { query: { page } } }));
    expect(error.issues.map((i) => i.path)).toEqual(['/query/page/limit']);
    expect(fetch.requests).toEqual([]);
  });

  it('a filter operator the field does not allow (a literal "like:" on id): refused at /query/filter/id', async () => {
    const { identity } = identityClient();
    const error = await refusal(identity.GET('/identities', { params: { query: { filter: { id: 'like:abc' } } } }));
    expect(error.issues.map((i) => i.path)).toEqual(['/query/filter/id']);
  });

  it('Portabl: claims: {bogus: 1} is refused at /body/claims/bogus before any token request', async () => {
    const server = fakePortabl();
    const portabl = server.client({ validateRequests: true });
    const claims = { firstName: 'Ana', ...{ bogus: 1 } };
    const error = await refusal(
      portabl.PUT('/provider/users/{userId}/claims', { params: { path: { userId: USER_ID } }, body: { claims } }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['/body/claims/bogus']);
    expect(server.fetch.requests).toEqual([]);
  });

  it('valid requests are sent unchanged', async () => {
    const { fetch, identity } = identityClient();
    await identity.GET('/identities', {
      params: { query: { page: { size: 10 }, filter: { email: 'a@example.com' }, all: false } },
    });
    await identity.PATCH('/identities/{id}', { params: { path: { id: ID } }, body: { name: 'Ana Sousa' } });
    expect(fetch.requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
  });

  it('off by default: the same unknown property is sent (and left to the API to refuse)', async () => {
    const { fetch, identity } = identityClient(false);
    await identity.PATCH('/identities/{id}', {
      params: { path: { id: ID } },
      body: { name: 'Ana', ...{ nickname: 'x' } },
    });
    expect(fetch.requests).toHaveLength(1);
    expect(() =>
      createPortablClient({
        clientId: 'test-client-id',
        clientSecret: 'fake-client-secret-for-tests',
        validateRequests: 'yes' as never,
      }),
    ).toThrow('createPortablClient: validateRequests must be a boolean (got string)');
  });
});
