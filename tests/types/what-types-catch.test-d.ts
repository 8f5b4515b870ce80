// The README's "What the types catch, exactly", as compiled facts: each line without @ts-expect-error is a
// mistake that compiles (and that `validateRequests: true` refuses at run time, tests/clients/request-validation).
import { describe, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
import { createPortablClient } from '../../src/portabl/index.js';

const identity = createIdentityClient({ apiKey: 'fake-api-key-for-type-tests' });
const portabl = createPortablClient({ clientId: 'type-tests', clientSecret: 'fake-client-secret-for-type-tests' });
const id = '0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11';

describe('what the types catch', () => {
  it('catches wrong types, missing required properties and objects with no known property', () => {
    // @ts-expect-error name is a string
    void identity.PATCH('/identities/{id}', { params: { path: { id } }, body: { name: 42 } });
    // @ts-expect-error the sandbox approval needs email
    void identity.POST('/sandbox/identities/approve', { body: { identityId: id } });
    // @ts-expect-error no property of page is known
    void identity.GET('/identities', { params: { query: { page: { limit: 2 } } } });
  });

  it('does not catch unknown properties beside known ones, if/then rules, patterns or bounds', () => {
    // openapi-fetch's generic signatures skip TypeScript's excess-property check.
    void identity.PATCH('/identities/{id}', { params: { path: { id } }, body: { name: 'Ana', nickname: 'x' } });
    void portabl.PUT('/provider/users/{userId}/claims', {
      params: { path: { userId: id } },
      body: { claims: { bogus: 1 } },
    });
    // if/then: a US address needs a state.
    void identity.PATCH('/identities/{id}', {
      params: { path: { id } },
      body: { address: { city: 'Austin', country: 'US', postalCode: '73301', street: '1 Main St' } },
    });
    // maximum 100.
    void identity.GET('/identities', { params: { query: { page: { size: 500 } } } });
  });
});
