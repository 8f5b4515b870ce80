// Prints the min+gzip size of each client entry point with all its dependencies bundled in (esbuild), the figure a
// team pays when it imports the client into a front end or a lambda. Run after `npm run build`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './apis.mjs';

const entries = ['portabl', 'identity'];
for (const name of entries) {
  const entry = path.join(repoRoot, 'dist', 'src', name, 'index.js');
  if (!existsSync(entry)) {
    console.error(`✖ ${path.relative(repoRoot, entry)} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  console.log(
    `kyc-contracts/${name}: ${(code.byteLength / 1024).toFixed(1)} KiB minified, ${(gzipSync(code).byteLength / 1024).toFixed(1)} KiB min+gzip`,
  );
}
