// A deprecated element must carry its removal date (`x-sunset: YYYY-MM-DD`): the gate refuses a removal before it,
// so an undated deprecation could never be removed safely.
import { describe, expect, it } from 'vitest';
import { deprecationsWithoutSunset } from '../../scripts/release/deprecations.mjs';
import { apiNames, loadBundle } from '../support/bundles.js';

describe.each(apiNames)('%s', (api) => {
  it('dates every deprecation with x-sunset', () => {
    expect(
      deprecationsWithoutSunset(loadBundle(api)),
      'add `x-sunset: YYYY-MM-DD` beside each `deprecated: true`',
    ).toEqual([]);
  });
});

it('names an undated or badly dated deprecation, and accepts a dated one', () => {
  const doc = {
    paths: {
      '/old': { get: { deprecated: true }, post: { deprecated: true, 'x-sunset': '2027-06-30' } },
      '/odd': { get: { parameters: [{ name: 'q', deprecated: true, 'x-sunset': 'next year' }] } },
    },
  };
  expect(deprecationsWithoutSunset(doc)).toEqual(['#/paths/~1old/get', '#/paths/~1odd/get/parameters/0']);
});
