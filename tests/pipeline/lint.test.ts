// The specs lint clean (Redocly recommended + strict example rules, Spectral oas + OWASP), sources and bundles.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/bundles.js';

it('lints both APIs, sources and bundles, with zero errors and zero warnings', () => {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'lint.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  // The report lists each problem with its rule and location: show it when the lint fails.
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(result.stdout).toContain('0 errors, 0 warnings');
});
