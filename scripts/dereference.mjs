// A dereferenced JSON per API, for tools that cannot follow `$ref`: generated/<api>/openapi.dereferenced.json beside
// the bundles (shipped in the package), and the same file in generated/docs/ so that the docs server serves it
// (/<api>.dereferenced.json). Runs after the docs build, which owns generated/docs/. `--out`, `--api` as bundle.mjs.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { outDirFromArgs, selectedApis } from './apis.mjs';
import { runAsync } from './run.mjs';

const outDir = outDirFromArgs();
const docsDir = path.join(outDir, 'docs');
mkdirSync(docsDir, { recursive: true });
const jobs = selectedApis().map(async (api) => {
  const file = path.join(outDir, api.name, 'openapi.dereferenced.json');
  mkdirSync(path.dirname(file), { recursive: true });
  const result = await runAsync('redocly', ['bundle', api.source, '--dereferenced', '--ext', 'json', '--output', file]);
  if (result.status === 0) copyFileSync(file, path.join(docsDir, `${api.name}.dereferenced.json`));
  return result;
});
const results = await Promise.all(jobs);
const failed = results.filter((r) => r.status !== 0);
for (const r of failed) console.error(`✖ ${r.command} exited with ${r.status}\n${r.stdout}${r.stderr}`);
if (failed.length > 0) process.exit(1);
console.error(
  `✔ dereferenced JSON: ${selectedApis()
    .map((a) => `${a.name}/openapi.dereferenced.json`)
    .join(', ')}`,
);
