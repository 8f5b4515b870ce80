// The whole generation pipeline, in order. `--out <dir>` writes everything under <dir> instead of generated/.
// Without --out it also rewrites the README's decisions section from the bundles' x-decisions.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { outDirFromArgs, repoRoot } from './apis.mjs';
import { writeReadmeDecisions } from './docs/decisions.mjs';

const steps = ['bundle.mjs', 'generate-types.mjs', 'build-docs.mjs'];
for (const step of steps) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', step), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`✖ scripts/${step} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}
if (!process.argv.includes('--out')) {
  writeReadmeDecisions(outDirFromArgs());
  console.log('✔ README.md decisions (from x-decisions)');
}
