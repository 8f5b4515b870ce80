// npm run bench refuses what it cannot run with a message naming the setting, before measuring anything.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/bundles.js';

const bench = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'scripts/bench/run.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });

describe('npm run bench arguments', () => {
  it('names the sections when --only lists an unknown one', () => {
    const run = bench(['--only', 'a,z']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--only takes a comma-separated list of sections among a, b, c, d, e (got "a,z")');
  });

  it('refuses a round count that is not a whole number in range', () => {
    const run = bench(['--only', 'c'], { BENCH_ROUNDS: '0' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BENCH_ROUNDS="0" must be a whole number from 1 to 50');
  });
});
