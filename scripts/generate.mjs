// The whole generation pipeline, in order. `--out <dir>` writes everything under <dir> instead of generated/.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './apis.mjs';

const steps = ['bundle.mjs', 'generate-types.mjs', 'build-docs.mjs', 'dereference.mjs'];
for (const step of steps) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', step), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`✖ scripts/${step} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}
