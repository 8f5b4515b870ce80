// `npm run sandbox`: the stateful sandbox of both APIs (src/sandbox), run from the sources without a build step.
// esbuild compiles src/sandbox/cli entry points into one module under node_modules/.cache (so that its imports of
// fastify, jose, ... resolve from this repository's node_modules) in well under a second.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repoRoot } from './apis.mjs';

/** The sandbox module (src/sandbox/command.ts and what it exports), compiled from the sources. */
export async function loadSandbox() {
  const outfile = path.join(repoRoot, 'node_modules', '.cache', 'kyc-contracts', `sandbox-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(repoRoot, 'src', 'sandbox', 'entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    const { rmSync } = await import('node:fs');
    rmSync(outfile, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sandbox = await loadSandbox();
  await sandbox.runSandboxCommand(process.env);
}
