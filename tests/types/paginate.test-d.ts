// Compile-time guarantees of paginate: items and pages typed by the spec, its init by the list operation.
import { describe, expectTypeOf, it } from 'vitest';
import { type components, createIdentityClient, paginate } from '../../src/identity/index.js';

const identity = createIdentityClient({ apiKey: 'key' });

describe('paginate types', () => {
  it('yields identities, and pages() the list answers', () => {
    const all = paginate(identity, '/identities', {
      params: { query: { filter: { type: 'company' }, page: { size: 10 } } },
    });
    expectTypeOf(all).toExtend<AsyncIterable<components['schemas']['Identity']>>();
    expectTypeOf(all.pages()).toExtend<AsyncIterable<components['schemas']['IdentityListResponse']>>();
  });

  it("checks the list's query by the spec", () => {
    // @ts-expect-error no such filter field
    void paginate(identity, '/identities', { params: { query: { filter: { colour: 'red' } } } });
    // @ts-expect-error the page size is a number
    void paginate(identity, '/identities', { params: { query: { page: { size: '10' } } } });
  });
});
