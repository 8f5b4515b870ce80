// Item 1 of issue 9: a request may leave out what the API defaults, a response keeps what the server always sends.
import { describe, expectTypeOf, it } from 'vitest';
import { type components, createIdentityClient, type operations } from '../../src/identity/index.js';

const identity = createIdentityClient({ apiKey: 'fake-api-key-for-type-tests' });

describe('request-side defaults are optional', () => {
  it('page: {size: 10} and page: {number: 2} compile: the API defaults the other one', () => {
    void identity.GET('/identities', { params: { query: { page: { size: 10 } } } });
    void identity.GET('/identities', { params: { query: { page: { number: 2 } } } });
    void identity.GET('/identities', { params: { query: { page: {} } } });
  });

  it('the page parameter type makes both defaulted fields optional, and still refuses wrong types', () => {
    expectTypeOf<components['schemas']['PageRequest']>().toEqualTypeOf<{ size?: number; number?: number }>();
    // @ts-expect-error page size is a number
    void identity.GET('/identities', { params: { query: { page: { size: '10' } } } });
  });

  it('required response properties stay required', () => {
    type ListResponse = operations['listIdentities']['responses'][200]['content']['application/json'];
    expectTypeOf<ListResponse['total']>().toEqualTypeOf<number>();
    expectTypeOf<ListResponse['data']>().not.toEqualTypeOf<undefined>();
  });
});
