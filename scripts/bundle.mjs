// Bundles each split spec into one self-contained file, as YAML and JSON: generated/<api>/openapi.{yaml,json}.
// `--out <dir>` writes elsewhere (the drift test); `--formats json` writes only the JSON (the spec tests' fresh bundle).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { outDirFromArgs, selectedApis } from './apis.mjs';
import { runAsync } from './run.mjs';

const argv = process.argv.slice(2);
const formatsAt = argv.indexOf('--formats');
const formats = formatsAt === -1 ? ['yaml', 'json'] : (argv[formatsAt + 1] ?? '').split(',');
const unknown = formats.filter((f) => f !== 'yaml' && f !== 'json');
if (unknown.length > 0 || formats.length === 0) {
  console.error(`--formats ${argv[formatsAt + 1] ?? ''}: give yaml, json or yaml,json`);
  process.exit(2);
}

const outDir = outDirFromArgs(argv);
// The bundles are independent: run them side by side (each Redocly process spends most of its time starting up).
const jobs = selectedApis(argv).flatMap((api) => {
  const dir = path.join(outDir, api.name);
  mkdirSync(dir, { recursive: true });
  return formats.map((ext) =>
    runAsync('redocly', ['bundle', api.source, '--output', path.join(dir, `openapi.${ext}`), '--ext', ext]),
  );
});
const results = await Promise.all(jobs);
const failed = results.filter((r) => r.status !== 0);
for (const r of failed) console.error(`✖ ${r.command} exited with ${r.status}\n${r.stdout}${r.stderr}`);
if (failed.length > 0) process.exit(1);
for (const r of results) process.stderr.write(r.stderr);
