// The current bundles: a fresh JSON bundle of specs/ in a temporary folder (so the diff judges what a developer
// just edited), or the bundles in a folder given with --bundles.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apis, repoRoot } from '../apis.mjs';

/**
 * Each API's current bundle by name.
 * @param {{ root?: string, bundleDir?: string }} [options] `bundleDir`: read <dir>/<api>/openapi.json instead of bundling
 * @returns {Record<string, object>}
 * @throws {Error} with Redocly's output when bundling fails, or naming a missing bundle
 */
export function currentBundles({ root = repoRoot, bundleDir } = {}) {
  const dir = bundleDir ?? mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-current-'));
  try {
    if (!bundleDir) {
      const result = spawnSync(
        process.execPath,
        [path.join(root, 'scripts', 'bundle.mjs'), '--out', dir, '--formats', 'json'],
        { cwd: root, encoding: 'utf8' },
      );
      if (result.status !== 0) throw new Error(`bundling specs/ failed:\n${result.stdout}${result.stderr}`);
    }
    return Object.fromEntries(
      apis.map(({ name }) => {
        const file = path.join(dir, name, 'openapi.json');
        try {
          return [name, JSON.parse(readFileSync(file, 'utf8'))];
        } catch (error) {
          throw new Error(`${file}: cannot read the current bundle (${error.message})`);
        }
      }),
    );
  } finally {
    if (!bundleDir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The package version in package.json. */
export const packageVersion = (root = repoRoot) =>
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
