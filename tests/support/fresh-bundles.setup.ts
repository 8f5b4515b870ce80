// Global setup of the `unit` project: bundles the specs as they are in specs/ right now into a temporary folder,
// so that the spec tests judge the sources a developer just edited, not the committed generated/ bundles (whose
// currency the drift test checks on its own). A broken rule then fails both the drift test and a spec test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding <api>/openapi.json bundled from specs/ for this run. */
    freshBundleDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-fresh-bundles-'));
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'bundle.mjs'), '--out', dir, '--formats', 'json'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`bundling specs/ failed, so no spec test can run:\n${result.stdout}${result.stderr}`);
  }
  project.provide('freshBundleDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
