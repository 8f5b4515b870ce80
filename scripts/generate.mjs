// The whole generation pipeline, in order. `--out <dir>` writes everything under <dir> instead of generated/.
// Without --out it also rewrites the README's decisions section from the bundles' x-decisions, and its install
// lines from package.json (the tarball's name carries the version).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { outDirFromArgs, repoRoot } from './apis.mjs';
import { writeReadmeDecisions } from './docs/decisions.mjs';
import { writeReadmeInstallLines } from './docs/landing-page.mjs';

const steps = ['bundle.mjs', 'generate-types.mjs', 'generate-runtime.mjs', 'build-docs.mjs', 'dereference.mjs'];
// `--skip <step>` leaves one step out: the release tool's own test skips the slow docs build (KYC_RELEASE_SKIP_DOCS).
const argv = process.argv.slice(2);
const skipAt = argv.indexOf('--skip');
const skipped = skipAt === -1 ? undefined : argv[skipAt + 1];
if (skipAt !== -1 && !steps.includes(skipped)) {
  console.error(`--skip ${skipped ?? ''}: give one of ${steps.join(', ')}`);
  process.exit(2);
}
const passOn = skipAt === -1 ? argv : argv.filter((_, i) => i !== skipAt && i !== skipAt + 1);
for (const step of steps.filter((s) => s !== skipped)) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', step), ...passOn], {
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
  const readme = path.join(repoRoot, 'README.md');
  writeReadmeInstallLines(readme, JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')));
  console.log('✔ README.md install lines (from package.json)');
}
