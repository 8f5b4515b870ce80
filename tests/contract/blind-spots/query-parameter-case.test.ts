// Blind spot (e), found while testing the filters: Prism lowercases the query parameter names it receives before it
// reads a deepObject (prism-http validators/params.js), then looks each property up by its spec spelling. A camelCase
// filter field (`filter[identityOwner]`, `filter[appId]`, `filter[riskRating]`) is never found, so never validated;
// an unknown field is never read, so `additionalProperties: false` is not enforced either. The wire names are the
// API's, so the spec cannot avoid it. Workaround in our mock's configuration (scripts/mock/workarounds.mjs): Prism's
// copy of each deepObject schema spells its properties in lowercase. What remains: unknown fields pass.
// Upstream: stoplightio/prism#2711 (open) reports the same lowercase mismatch for camelCase parameter names.
import { describe, expect, it } from 'vitest';
import type { RunningPrism } from '../../../scripts/mock/prism.mjs';
import { APIKEY_HEADERS } from '../../support/bodies.js';
import { componentIssues } from '../../support/bundles.js';
import { send, stockAndServedMocks, violationPaths } from '../support/private-mock.js';

const APIKEY = APIKEY_HEADERS;
const OWNER = '38882f21-ce8f-4e18-8b83-e43e082912ef';

describe('GET /identities filters', () => {
  const mocks = stockAndServedMocks('identity');

  const list = (mock: RunningPrism, query: string) =>
    send(mock.url, 'GET', `/identities?${query}`, { headers: APIKEY });

  it('a lowercase field is validated by both: filter[email]=in:a (email admits only like:) → 400, pattern', async () => {
    for (const mock of [mocks.stock, mocks.served]) {
      const answer = await list(mock, 'filter[email]=in:a');
      expect(answer.status).toBe(400);
      expect(violationPaths(answer)).toEqual(['query.filter.email pattern']);
    }
  });

  const camelCaseBreaks = [
    ['filter[identityOwner]=like:x', { identityOwner: 'like:x' }, 'query.filter.identityowner pattern'],
    ['filter[appId]=in:x', { appId: 'in:x' }, 'query.filter.appid pattern'],
    ['filter[riskRating]=like:x', { riskRating: 'like:x' }, 'query.filter.riskrating pattern'],
  ] as const;

  it.each(camelCaseBreaks)('%s breaks the spec (%j) yet passes stock Prism: 200', async (query, filter) => {
    expect(componentIssues('identity', 'IdentityFilter', filter)).not.toEqual([]);
    const answer = await list(mocks.stock, query);
    expect(answer.status).toBe(200);
    expect(answer.violations).toEqual([]);
  });

  it.each(camelCaseBreaks)(
    '%s is rejected by our mock (workaround): 400, %j, %s',
    async (query, _filter, violation) => {
      const answer = await list(mocks.served, query);
      expect(answer.status).toBe(400);
      expect(violationPaths(answer)).toEqual([violation]);
    },
  );

  it('a valid camelCase filter passes our mock: filter[identityOwner]=in:<uuid>&filter[riskRating]=nin:low,high', async () => {
    const answer = await list(mocks.served, `filter[identityOwner]=in:${OWNER}&filter[riskRating]=nin:low,high`);
    expect(answer.violations).toEqual([]);
    expect(answer.status).toBe(200);
  });

  it('an unknown field (filter[colour]=red) breaks the spec yet passes stock Prism: 200', async () => {
    expect(componentIssues('identity', 'IdentityFilter', { colour: 'red' })).not.toEqual([]);
    expect((await list(mocks.stock, 'filter[colour]=red')).status).toBe(200);
  });

  it('an unknown field (filter[colour]=red) is rejected by our mock, which reads the query itself: 400', async () => {
    const answer = await list(mocks.served, 'filter[colour]=red');
    expect(answer.status).toBe(400);
    expect(violationPaths(answer)).toEqual(['query.filter unknownProperty']);
  });
});
