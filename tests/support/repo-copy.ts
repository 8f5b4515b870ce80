// A temporary copy of what the pipeline's scripts read, for tests that change a spec or the registry and run the
// scripts on it without touching the repository. One list, so that a script that starts reading a new file breaks
// no test that copies the repository by hand.
import { cpSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './bundles.js';

/** What the scripts under scripts/ read, relative to the repo root (src/openapi: the OpenAPI walker they share). */
export const PIPELINE_INPUTS = [
  'apis.json',
  'scripts',
  'src/openapi',
  'specs',
  'generated',
  'docs-src',
  'workflows',
  'redocly.yaml',
  '.spectral.yaml',
  'package.json',
];

/**
 * Copies PIPELINE_INPUTS and `extra` entries into `dir` and links node_modules.
 * @param dir an existing empty folder
 * @param extra more entries relative to the repo root (e.g. `releases`, `.gitignore`)
 */
export function copyPipeline(dir: string, extra: readonly string[] = []): void {
  for (const entry of [...PIPELINE_INPUTS, ...extra])
    cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}
