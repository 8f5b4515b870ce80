// The body limits of the mock come from the spec (issue 10, item 2): every request body of both bundles is bounded
// (so no limit falls back to a guess), the README states the limits it names, and a body one byte over its limit is
// refused with the documented 400 naming the limit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationTable } from '../../../scripts/mock/operation-table.mjs';
import type { RunningPrism } from '../../../scripts/mock/prism.mjs';
import { apiNames, loadBundle, repoRoot } from '../../support/bundles.js';
import { send, startBundleMock } from '../support/private-mock.js';

// Only a JSON request body has bounds (see MockOperation's body).
const limitOf = (api: (typeof apiNames)[number], operationId: string): number => {
  const limit = operationTable(loadBundle(api)).find((op) => op.operationId === operationId)?.body?.maxBytes;
  if (limit === undefined) throw new Error(`${api} ${operationId}: no JSON request body, so no body limit`);
  return limit;
};

describe('body limits derived from the schemas', () => {
  it.each(apiNames)('%s: every request body has bounds the limit is derived from', (api) => {
    const unbounded = operationTable(loadBundle(api))
      .filter((op) => op.body && op.body.boundsDerived === false)
      .map((op) => `${op.operationId}: ${op.body!.unboundedBecause}`);
    expect(unbounded).toEqual([]);
  });

  it('the README states the limits it names', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const identity = (limitOf('identity', 'createIdentity') / 1024 / 1024).toFixed(1);
    const token = Math.ceil(limitOf('portabl', 'createAccessToken') / 1024);
    expect(readme).toContain(`e.g. ${identity} MiB for an identity, ${token} KiB for`);
  });
});

describe('a body over its limit', () => {
  let mock: RunningPrism;
  beforeAll(async () => {
    mock = await startBundleMock('portabl');
  });
  afterAll(() => mock?.close());

  it('is refused with 400 validation_failed naming the limit, unread', async () => {
    const limit = limitOf('portabl', 'createAccessToken');
    const body = { clientId: 'c', clientSecret: 's'.repeat(limit) };
    const answer = await send(mock.url, 'POST', '/provider/token', { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining(`at most ${limit} bytes`),
    });
    expect(answer.violations.map((v) => v.code)).toEqual(['maxBytes']);
  });
});
