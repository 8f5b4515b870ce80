import { describe, expect, it } from 'vitest';
import { anyOf, equals, FilterValueError, like, noneOf } from '../../src/identity/index.js';
import { componentIssues } from '../support/bundles.js';

const ids = ['0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11', '5d2f3c1e-8a7b-4c6d-9e0f-1a2b3c4d5e6f'];

describe('identity filter helpers', () => {
  it('spell the operators as the API reads them', () => {
    expect(like('@example.com')).toBe('like:@example.com');
    expect(anyOf(ids)).toBe(`in:${ids[0]},${ids[1]}`);
    expect(noneOf(['low', 'medium'])).toBe('nin:low,medium');
    expect(equals('Jane Doe')).toBe('Jane Doe');
  });

  it('produce values the spec accepts for the fields that allow each operator', () => {
    const filter = {
      email: like('@example.com'),
      id: anyOf(ids),
      identityOwner: anyOf(ids.slice(0, 1)),
      riskRating: noneOf(['high']),
      name: equals('Jane Doe'),
    };
    expect(componentIssues('identity', 'IdentityFilter', filter)).toEqual([]);
  });

  it('produce values the spec rejects on fields that do not allow the operator (the helpers do not hide the rule)', () => {
    expect(componentIssues('identity', 'IdentityFilter', { name: like('Jane') }).map((i) => i.path)).toEqual(['/name']);
  });

  it.each([
    [() => anyOf(['a,b']), 'anyOf: item 0 "a,b" contains a comma, which separates list items and cannot be escaped'],
    [
      () => noneOf(['ok', 'x,y']),
      'noneOf: item 1 "x,y" contains a comma, which separates list items and cannot be escaped',
    ],
    [
      () => anyOf([]),
      'anyOf: the list is empty; a filter on no values matches nothing or everything, so pass at least one',
    ],
    [() => noneOf(['']), 'noneOf: item 0 must not be empty or blank'],
    [() => like(''), 'like: the text must not be empty or blank'],
    [() => like('   '), 'like: the text must not be empty or blank'],
    [() => equals('in:abc'), 'equals: the value "in:abc" must not start with an operator ("in:", "nin:", "like:")'],
    [() => like('like:x'), 'like: the text "like:x" must not start with an operator ("in:", "nin:", "like:")'],
    [() => anyOf('a,b' as unknown as string[]), 'anyOf: expected an array of values (got string)'],
    [() => anyOf([42] as unknown as string[]), 'anyOf: item 0 must be a string (got number)'],
  ])('rejects bad input with a clear error: %s', (call, message) => {
    expect(call).toThrow(FilterValueError);
    expect(call).toThrow(message);
  });
});
