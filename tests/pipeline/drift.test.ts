// generated/ is exactly what the pipeline writes from specs/: regenerate into a temporary folder and compare every
// file. A stale or stray artifact fails with its name and the command that fixes it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../support/bundles.js';

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

let fresh: string;
beforeAll(() => {
  fresh = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-generated-'));
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate.mjs'), '--out', fresh], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`scripts/generate.mjs failed:\n${result.stdout}\n${result.stderr}`);
});
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

it('writes the same set of files as generated/ holds', () => {
  const committed = filesUnder(path.join(repoRoot, 'generated')).sort();
  const regenerated = filesUnder(fresh).sort();
  const missing = regenerated.filter((f) => !committed.includes(f)).map((f) => `generated/${f} is missing`);
  const stray = committed
    .filter((f) => !regenerated.includes(f))
    .map((f) => `generated/${f} is not produced by the pipeline`);
  expect([...missing, ...stray], 'run `npm run generate` (and delete stray files)').toEqual([]);
});

it('has every generated file up to date with specs/', () => {
  const stale = filesUnder(fresh)
    .filter((f) => {
      const committed = path.join(repoRoot, 'generated', f);
      try {
        return !readFileSync(committed).equals(readFileSync(path.join(fresh, f)));
      } catch {
        return false; // reported by the file-set test
      }
    })
    .map((f) => `generated/${f} is stale: run \`npm run generate\``);
  expect(stale).toEqual([]);
});
