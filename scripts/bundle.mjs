// Bundles each split spec into one self-contained file, as YAML and JSON: generated/<api>/openapi.{yaml,json}.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { outDirFromArgs, selectedApis } from './apis.mjs';
import { runOrExit } from './run.mjs';

const outDir = outDirFromArgs();
for (const api of selectedApis()) {
  const dir = path.join(outDir, api.name);
  mkdirSync(dir, { recursive: true });
  for (const ext of ['yaml', 'json']) {
    runOrExit('redocly', ['bundle', api.redoclyApi, '--output', path.join(dir, `openapi.${ext}`), '--ext', ext]);
  }
}
