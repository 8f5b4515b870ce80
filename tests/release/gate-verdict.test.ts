// The gate's verdict (judge) over rated changes, and the baseline it reads: which version raises a major change
// needs, what the failure names, and a clear error for a baseline that is missing, doubled or inconsistent.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBaselines } from '../../scripts/release/baseline.mjs';
import type { RatedChange } from '../../scripts/release/changes.mjs';
import { type ApiDiff, judge } from '../../scripts/release/gate.mjs';

const removal: RatedChange = {
  operation: 'GET /identities/{id} (getIdentity)',
  operations: ['GET /identities/{id} (getIdentity)'],
  direction: 'response',
  kind: 'removed',
  location: 'responses/200/content/application/json/schema/properties/data/properties/email',
  rule: 'property-removed',
  message: 'Property `email` of `Identity` was removed.',
  redoclyRating: 'major',
  rating: 'major',
  pointer: '#/components/schemas/Identity/properties/email',
  action: 'Stop reading `email` from this response: it is no longer sent.',
};
const diff = (over: Partial<ApiDiff>): ApiDiff => ({
  api: 'identity',
  title: 'Identities API',
  released: '1.0.0',
  current: '1.0.0',
  rating: 'major',
  changes: [removal],
  ...over,
});
const unchanged = diff({ api: 'portabl', title: 'Portabl Core API', rating: undefined, changes: [] });

describe('judge', () => {
  it('fails a major change without raised versions, naming the change, both versions and the fixing command', () => {
    const failures = judge([unchanged, diff({})], { releasedPackage: '0.1.0', currentPackage: '0.1.0' });
    const text = failures.join('\n');
    expect(text).toContain(
      'GET /identities/{id} (getIdentity) response: Property `email` of `Identity` was removed. [property-removed]',
    );
    expect(text).toContain('Identities API info.version is 1.0.0 (needs 2.0.0 or later, from 1.0.0)');
    expect(text).toContain('the package version is 0.1.0 (needs 1.0.0 or later, from 0.1.0)');
    expect(text).toContain('npm run release -- identity major');
  });

  it('names `all` when another API has unreleased changes too (the package ships every API)', () => {
    const minor = diff({
      api: 'portabl',
      title: 'Portabl Core API',
      rating: 'minor',
      changes: [{ ...removal, rating: 'minor' }],
    });
    expect(judge([minor, diff({})], { releasedPackage: '0.1.0', currentPackage: '0.1.0' }).join('\n')).toContain(
      'npm run release -- all major',
    );
  });

  it('fails when only one of the two versions was raised', () => {
    expect(
      judge([diff({ current: '2.0.0' })], { releasedPackage: '0.1.0', currentPackage: '0.1.0' }).join('\n'),
    ).toContain('the package version is 0.1.0');
    expect(judge([diff({})], { releasedPackage: '0.1.0', currentPackage: '1.0.0' }).join('\n')).toContain(
      'info.version is 1.0.0',
    );
  });

  it('takes a major step below 1.0.0 too: 0.1.0 → 0.2.0 is not enough', () => {
    expect(judge([diff({})], { releasedPackage: '0.1.0', currentPackage: '0.2.0' }).join('\n')).toContain(
      'needs 1.0.0 or later',
    );
  });

  it('passes once both versions took a major step', () => {
    expect(
      judge([unchanged, diff({ current: '2.0.0' })], { releasedPackage: '0.1.0', currentPackage: '1.0.0' }),
    ).toEqual([]);
  });

  it('lets minor and patch changes wait for the next release', () => {
    expect(
      judge([diff({ rating: 'minor', changes: [{ ...removal, rating: 'minor' }] })], {
        releasedPackage: '0.1.0',
        currentPackage: '0.1.0',
      }),
    ).toEqual([]);
  });

  it('refuses a removal before its sunset whatever the versions say', () => {
    const early = {
      ...removal,
      refused:
        'it was released as deprecated with the sunset date 2099-01-01 (today is 2026-11-30): keep it until then',
    };
    const failures = judge([diff({ current: '2.0.0', changes: [early] })], {
      releasedPackage: '0.1.0',
      currentPackage: '1.0.0',
    });
    expect(failures.join('\n')).toContain('Refused: it was released as deprecated with the sunset date 2099-01-01');
  });

  it('says so when a version is not a semantic version', () => {
    expect(
      judge([diff({ current: 'v2' })], { releasedPackage: '0.1.0', currentPackage: '1.0.0' }).join('\n'),
    ).toContain('"v2" is not a semantic version');
    expect(judge([], { releasedPackage: '0.1.0', currentPackage: 'latest' }).join('\n')).toContain(
      'package version (package.json) "latest" is not a semantic version',
    );
  });
});

describe('readBaselines', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-baselines-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const put = (file: string, text = '{"openapi":"3.1.0","info":{"title":"t","version":"1.0.0"}}') => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it('names the folder that has no baseline', () => {
    expect(() => readBaselines({ root })).toThrow(
      'releases/portabl: expected exactly one released bundle <version>.json, found none',
    );
  });

  it('names the folder that has two', () => {
    put('releases/portabl/0.1.0.json');
    put('releases/portabl/0.2.0.json');
    expect(() => readBaselines({ root })).toThrow('found 0.1.0.json, 0.2.0.json');
    rmSync(path.join(root, 'releases/portabl/0.2.0.json'));
  });

  it('refuses baselines of different package versions', () => {
    put('releases/identity/0.2.0.json');
    expect(() => readBaselines({ root })).toThrow('the baselines name different package versions');
    rmSync(path.join(root, 'releases/identity/0.2.0.json'));
  });

  it('names a baseline that is not JSON', () => {
    put('releases/identity/0.1.0.json', '{ not json');
    expect(() => readBaselines({ root })).toThrow(/releases\/identity\/0\.1\.0\.json: not a JSON document/);
  });

  it('reads a consistent pair', () => {
    put('releases/identity/0.1.0.json');
    const baselines = readBaselines({ root });
    expect(baselines.packageVersion).toBe('0.1.0');
    expect(Object.keys(baselines.apis)).toEqual(['portabl', 'identity']);
  });
});
