// Item 8 of issue 9: each filter helper compiles only on a field whose spec pattern admits its operator.
import { describe, expectTypeOf, it } from 'vitest';
import {
  anyOf,
  type components,
  createIdentityClient,
  equals,
  type FilterOperatorValue,
  like,
  noneOf,
} from '../../src/identity/index.js';

const identity = createIdentityClient({ apiKey: 'fake-api-key-for-type-tests' });
const ids = ['0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11'];
const list = (filter: components['schemas']['IdentityFilter']) =>
  identity.GET('/identities', { params: { query: { filter } } });

describe('filter helpers are typed by the operators each field allows', () => {
  it('accepts each helper where the pattern admits its operator', () => {
    void list({ email: like('@example.com'), id: anyOf(ids), identityOwner: anyOf(ids), riskRating: noneOf(['high']) });
    void list({ riskRating: anyOf(['low']) });
    expectTypeOf(like('x')).toEqualTypeOf<FilterOperatorValue<'like'>>();
  });

  it('refuses a helper on a field whose pattern does not admit its operator', () => {
    // @ts-expect-error id allows in:, not like:
    void list({ id: like('abc') });
    // @ts-expect-error name allows no operator
    void list({ name: anyOf(['Jane']) });
    // @ts-expect-error email allows like:, not nin:
    void list({ email: noneOf(['x']) });
    // @ts-expect-error identityOwner allows in:, not nin:
    void list({ identityOwner: noneOf(ids) });
  });

  it('plain values and equals() still fit every string field', () => {
    const name: string = 'Jane';
    void list({ name, email: equals('a@example.com'), id: ids[0]! });
  });
});
