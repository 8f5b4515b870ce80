// npm run bench: what the package costs its callers, in one interleaved run on this machine, printed as Markdown.
//   npm run bench                      every section (builds dist/ first: the package as a consumer gets it)
//   npm run bench -- --only a,c        some sections: a per-call cost, b import cost and first validated call,
//                                      c size, d servers' throughput, e cost growth with response size
// Loops are bounded in count and in time; every server listens on 127.0.0.1 only. Figures are medians over
// rounds; ratios compare medians. BENCH_ROUNDS, BENCH_CALLS, BENCH_SECONDS scale the run (defaults below).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../apis.mjs';
import { ENTRIES, kib, measureEntry } from './entry-size.mjs';
import { describeMachine, table } from './stats.mjs';
import { startTarget } from './targets.mjs';

const SECTIONS = ['a', 'b', 'c', 'd', 'e'];
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt === -1 ? SECTIONS : (argv[onlyAt + 1] ?? '').split(',').filter(Boolean);
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length || only.length === 0) {
  console.error(
    `--only takes a comma-separated list of sections among ${SECTIONS.join(', ')} (got ${JSON.stringify(argv[onlyAt + 1] ?? '')})`,
  );
  process.exit(2);
}

function positiveInt(name, fallback, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`${name}="${raw}" must be a whole number from 1 to ${max}`);
    process.exit(2);
  }
  return value;
}
// Every section but (c) runs the package as a consumer gets it: compiled, from dist/.
if (only.some((s) => s !== 'c') && !existsSync(path.join(repoRoot, 'dist/src/msw/spec-answers.js'))) {
  console.error('dist/ is missing or stale: run `npm run build` first (`npm run bench` does)');
  process.exit(2);
}
const rounds = positiveInt('BENCH_ROUNDS', 7, 50);
const calls = positiveInt('BENCH_CALLS', 300, 10_000);
const seconds = positiveInt('BENCH_SECONDS', 3, 30);

console.log(
  `## npm run bench\n\n\`\`\`\n${describeMachine()}\nrounds ${rounds}, calls per batch ${calls}, ${seconds} s per load run\n\`\`\``,
);

async function sizes() {
  const rows = [];
  const base = await measureEntry({ name: 'openapi-fetch', source: 'node_modules/openapi-fetch/dist/index.mjs' });
  rows.push(['openapi-fetch (alone)', kib(base.minified), kib(base.gzip), '—', '1.00×']);
  for (const entry of ENTRIES) {
    const size = await measureEntry(entry);
    rows.push([
      `kyc-contracts/${entry.name}${entry.external ? ` (${entry.external.join(', ')} excluded)` : ''}`,
      kib(size.minified),
      kib(size.gzip),
      kib(size.lazyGzip),
      `${(size.gzip / base.gzip).toFixed(1)}×`,
    ]);
  }
  return table(
    ['entry, with its dependencies', 'minified', 'min+gzip', 'more on demand (min+gzip)', '× openapi-fetch'],
    rows,
  );
}

const sections = {
  a: [
    '(a) Per-call cost against a bare node:http server (µs per call, medians; CPU = this process, user + system)',
    async (base) => {
      const { perCallSection } = await import('./per-call.mjs');
      const { ownWorkSection } = await import('./own-work.mjs');
      const overHttp = await perCallSection(base, { rounds, calls });
      const ownWork = await ownWorkSection(path.join(repoRoot, 'dist'), { rounds, calls });
      return `${overHttp}\n\nWhat each client adds to bare openapi-fetch's own work per call, with the platform's fetch answering from memory (scripts/bench/own-work.mjs: wall clock, each set in a process of its own), without the HTTP work that is the same for all and dominates the noise above:\n\n${ownWork}`;
    },
  ],
  b: [
    '(b) Import cost in a fresh process, and the first call with validateResponses',
    async (base) => {
      const { importSection, firstValidatedCallSection } = await import('./imports.mjs');
      return `${await importSection({ rounds })}\n\n${await firstValidatedCallSection(base, { rounds: Math.min(rounds, 5) })}`;
    },
  ],
  c: ['(c) Size: min+gzip with dependencies (esbuild)', sizes],
  d: [
    '(d) Servers: throughput and latency (autocannon)',
    async () => (await import('./servers.mjs')).serverSection({ rounds: Math.min(rounds, 3), seconds }),
  ],
  e: [
    '(e) Client cost by response size: GET /identities?all=true',
    async (base) => (await import('./per-call.mjs')).growthSection(base, { rounds }),
  ],
};

const needsBare = only.some((s) => ['a', 'b', 'e'].includes(s));
const bare = needsBare ? await startTarget('bare') : undefined;
try {
  for (const id of SECTIONS.filter((s) => only.includes(s))) {
    const [title, section] = sections[id];
    const started = Date.now();
    const output = await section(bare?.url);
    console.log(`\n### ${title}\n\n${output}\n\n_${((Date.now() - started) / 1000).toFixed(0)} s_`);
  }
} finally {
  await bare?.stop();
}
