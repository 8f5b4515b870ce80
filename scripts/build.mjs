// Compiles the package (src/ and the generated types) to dist/, from scratch so that no stale module ships.
// tsc writes every module and the declarations; then each client entry's JavaScript is replaced by one ESM file
// bundled by esbuild (with the code both clients share in one chunk, and validation in chunks loaded by `import()`),
// so that importing a client reads a few files instead of some 25 small modules and CommonJS helpers. The
// declarations stay tsc's: the package's `exports` and the types a consumer sees do not change.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { apis, repoRoot } from './apis.mjs';
import { runOrExit } from './run.mjs';

const dist = path.join(repoRoot, 'dist');
rmSync(dist, { recursive: true, force: true });
runOrExit('tsc', ['-p', 'tsconfig.build.json']);

/** The client entries, bundled over tsc's output of the same path (dist/src/<api>/index.js). */
const CLIENT_ENTRIES = apis.flatMap((api) =>
  api.client ? [{ in: path.join(repoRoot, api.client.source), out: api.client.source.replace(/\.ts$/, '') }] : [],
);

await build({
  entryPoints: CLIENT_ENTRIES,
  outdir: dist,
  outbase: repoRoot,
  bundle: true,
  splitting: true,
  format: 'esm',
  // Runs in Node and in browsers: no Node built-in is imported by the clients.
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2022',
  chunkNames: 'src/chunks/[name]-[hash]',
  // Class and function names stay readable in stack traces and `err.name`; whitespace and syntax are minified.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  allowOverwrite: true,
  logLevel: 'error',
});
console.error('✔ dist/ built'); // stderr: npm pack --json owns stdout
