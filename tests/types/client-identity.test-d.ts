// Compile-time guarantees of the Identities client.
import { describe, expectTypeOf, it } from 'vitest';
import {
  anyOf,
  type components,
  createIdentityClient,
  type FilterOperatorValue,
  like,
} from '../../src/identity/index.js';

const identity = createIdentityClient({ apiKey: 'key' });
const id = '0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11';

describe('Identities client types', () => {
  it('types responses by the spec', async () => {
    const { data } = await identity.GET('/identities/{id}', { params: { path: { id } } });
    // openapi-fetch maps readOnly markers away (Readable<>), so the type is structurally, not nominally, the schema's.
    expectTypeOf(data).toExtend<components['schemas']['IdentityResponse'] | undefined>();
    expectTypeOf(data?.data.type).toEqualTypeOf<'person' | 'company' | undefined>();
  });

  it('rejects a path the spec does not have', () => {
    // @ts-expect-error no such path
    void identity.GET('/identity');
  });

  it('rejects a method the path does not have', () => {
    // @ts-expect-error identities are updated with PATCH, not PUT
    void identity.PUT('/identities/{id}', { params: { path: { id } }, body: {} });
    // @ts-expect-error the list cannot be deleted
    void identity.DELETE('/identities');
  });

  it('rejects a wrong body', () => {
    void identity.POST('/identities', {
      // @ts-expect-error an unknown identity type
      body: { type: 'robot', name: 'R2', email: 'r2@example.com' },
    });
    // @ts-expect-error the sandbox approval needs identityId and email
    void identity.POST('/sandbox/identities/approve', { body: { identityId: id } });
  });

  it('rejects a wrong query', () => {
    // @ts-expect-error sort takes one of the spec's values
    void identity.GET('/identities', { params: { query: { sort: 'name' } } });
    // @ts-expect-error page size is a number
    void identity.GET('/identities', { params: { query: { page: { size: 'ten' } } } });
    // @ts-expect-error filter is an object of fields, not a string
    void identity.GET('/identities', { params: { query: { filter: 'email=like:@example.com' } } });
  });

  it('accepts the filter helpers where the spec takes a string', () => {
    void identity.GET('/identities', {
      params: { query: { filter: { email: like('@example.com'), id: anyOf([id]) } } },
    });
    // A string at run time, typed apart so that it fits only fields that allow `like:` (filter-operators.test-d.ts).
    expectTypeOf(like('x')).toEqualTypeOf<FilterOperatorValue<'like'>>();
  });
});
