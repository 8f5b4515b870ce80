// Generates TypeScript types from each bundled spec: generated/<api>/schema.ts.
import path from 'node:path';
import { outDirFromArgs, repoRoot, selectedApis } from './apis.mjs';
import { runOrExit } from './run.mjs';

const outDir = outDirFromArgs();
for (const api of selectedApis()) {
  const dir = path.join(outDir, api.name);
  runOrExit('openapi-typescript', [
    path.join(dir, 'openapi.yaml'),
    '--output',
    path.join(dir, 'schema.ts'),
    '--redocly',
    path.join(repoRoot, 'scripts', 'openapi-ts.redocly.yaml'),
  ]);
}
