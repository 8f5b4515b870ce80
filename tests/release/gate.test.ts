// The breaking-change gate in npm test: the specs as they are now against the released baseline (releases/). It
// fails when a major change was made without raising the API's info.version and the package version, or when a
// deprecated element was removed before its sunset date, naming each change and the command that fixes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readBaselines } from '../../scripts/release/baseline.mjs';
import { currentBundles } from '../../scripts/release/current.mjs';
import { diffApis, judge, todayFromEnv } from '../../scripts/release/gate.mjs';
import { bundleDir, repoRoot } from '../support/bundles.js';

it('finds every change since the release covered by the versions', async () => {
  const baselines = readBaselines();
  const results = await diffApis({
    baselines,
    current: currentBundles({ bundleDir: bundleDir() }),
    today: todayFromEnv(),
  });
  const currentPackage = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
  const failures = judge(results, { releasedPackage: baselines.packageVersion, currentPackage });
  expect(failures, `breaking-change gate (npm run diff shows every change):\n${failures.join('\n')}`).toEqual([]);
});
