// The min+gzip size a caller pays for each entry point of the package with its dependencies bundled in (esbuild),
// counting what loads with the entry: the entry chunk and every chunk it imports statically. A chunk reached only
// through `import()` (validation loaded on demand, once issue 14 items 1-2 land) is reported apart, as `lazy`.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { apis, repoRoot } from '../apis.mjs';

/**
 * An entry point to measure: `source` relative to the repository root; `external` packages are left out of the count.
 * @typedef {{ name: string, source: string, external?: string[] }} SizeEntry
 */

/**
 * The package's entry points, by export name, as TypeScript sources (esbuild compiles them as tsc would).
 * @type {SizeEntry[]}
 */
export const ENTRIES = [
  ...apis.flatMap((api) => (api.client ? [{ name: api.name, source: api.client.source }] : [])),
  // msw itself is the caller's (a peer): only what this package adds is counted.
  { name: 'msw', source: 'src/msw/index.ts', external: ['msw'] },
];

/**
 * @param {{ name?: string, source: string, external?: string[] }} entry
 * @param {{ absWorkingDir?: string }} [options]
 * @returns {Promise<{ minified: number, gzip: number, lazyGzip: number, inputs: Record<string, number> }>} bytes;
 *   `inputs`: the bytes each input file contributes to what loads with the entry
 */
export async function measureEntry(entry, options = {}) {
  const result = await build({
    entryPoints: [path.join(repoRoot, entry.source)],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: entry.external ?? [],
    outdir: path.join(repoRoot, '.tmp', 'size-out'),
    write: false,
    metafile: true,
    logLevel: 'error',
    absWorkingDir: options.absWorkingDir ?? repoRoot,
  });
  const outputs = result.metafile.outputs;
  const byPath = new Map(
    result.outputFiles.map((f) => [path.relative(options.absWorkingDir ?? repoRoot, f.path), f.contents]),
  );
  const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint);
  const eager = new Set();
  const visit = (o) => {
    if (eager.has(o)) return;
    eager.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entryOut);
  const concat = (list) => Buffer.concat(list.map((o) => byPath.get(o)));
  const eagerCode = concat([...eager]);
  const lazy = Object.keys(outputs).filter((o) => !eager.has(o) && o.endsWith('.js'));
  /** @type {Record<string, number>} */
  const inputs = {};
  for (const o of eager)
    for (const [file, { bytesInOutput }] of Object.entries(outputs[o].inputs))
      inputs[file] = (inputs[file] ?? 0) + bytesInOutput;
  return {
    minified: eagerCode.byteLength,
    gzip: gzipSync(eagerCode, { level: 9 }).byteLength,
    lazyGzip: lazy.length ? gzipSync(concat(lazy), { level: 9 }).byteLength : 0,
    inputs,
  };
}

/** Bytes → "12.3 KiB". */
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
