// npm run bench:compare -- <git revision>: this build's clients against the same clients built from another
// revision, per call, in one interleaved run against the bare node:http server of section (a). Each figure is the
// median over rounds of the CPU ratio to bare openapi-fetch within the round (pairedRatio), so the two builds are
// judged against the same baseline under the same conditions: the way to see what a change to the call path did,
// which two separate `npm run bench` runs on a shared machine cannot show. The other revision is extracted with
// `git archive` into the system's temporary folder and built there once (node_modules linked from this checkout).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../apis.mjs';
import { API_KEY, builtModule, CLIENT } from './fixtures.mjs';
import { MEMORY_BASE, MEMORY_BATCH_FACTOR } from './memory-fetch.mjs';
import { ownWorkOf, ownWorkRounds } from './own-work.mjs';
import { interleaved, pairedRatio, requestCalls, requestJobs } from './per-call.mjs';
import { deadline, describeMachine, table } from './stats.mjs';
import { startTarget } from './targets.mjs';

const revision = process.argv[2];
if (!revision) {
  console.error('usage: npm run bench:compare -- <git revision> (a commit, tag or branch to compare this build with)');
  process.exit(2);
}
let sha;
try {
  sha = execFileSync('git', ['rev-parse', '--verify', `${revision}^{commit}`], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
} catch {
  console.error(`"${revision}" is not a commit of this repository`);
  process.exit(2);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 21);
const calls = Number(process.env.BENCH_CALLS ?? 300);
if (![rounds, calls].every((n) => Number.isInteger(n) && n >= 1 && n <= 10_000)) {
  console.error('BENCH_ROUNDS and BENCH_CALLS must be whole numbers from 1 to 10000');
  process.exit(2);
}

/** The other revision's checkout (its dist/ built), once per commit. */
function buildOf(commit) {
  const dir = path.join(os.tmpdir(), `kyc-contracts-bench-${commit.slice(0, 12)}`);
  if (!existsSync(path.join(dir, 'dist/src/identity/index.js'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: repoRoot });
    if (!existsSync(path.join(dir, 'node_modules')))
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'ignore' });
  }
  return dir;
}

const otherDist = path.join(buildOf(sha), 'dist');
const other = (file) => pathToFileURL(path.join(otherDist, file)).href;
const builds = {
  this: {
    identity: await import(builtModule('src/identity/index.js')),
    portabl: await import(builtModule('src/portabl/index.js')),
  },
  [sha.slice(0, 7)]: {
    identity: await import(other('src/identity/index.js')),
    portabl: await import(other('src/portabl/index.js')),
  },
};

/**
 * Each build's clients and bare openapi-fetch against `base`, one interleaved run: the CPU per call of each variant
 * by key `<api>|<variant>|<concurrency>`. Clients are made here, so that with the memory fetch they use it.
 */
async function measure(base) {
  const fns = requestCalls(
    base,
    Object.fromEntries(
      Object.entries(builds).map(([name, build]) => [
        name,
        {
          identity: build.identity.createIdentityClient({ apiKey: API_KEY, baseUrl: base }),
          portabl: build.portabl.createPortablClient({ ...CLIENT, baseUrl: base }),
        },
      ]),
    ),
  );
  for (const call of Object.values(fns)) for (let i = 0; i < 100; i++) await call(); // warm-up, token included
  const jobs = requestJobs(fns);
  return interleaved(jobs, { rounds, calls, check: deadline(900) });
}

/** One row per API and build: `cell(variant, openapi-fetch)` at 1 and at 16 at a time. */
function rowsOf(perCall, cell) {
  const rows = [];
  for (const api of ['identity', 'portabl'])
    for (const name of Object.keys(builds))
      rows.push([
        api,
        name === 'this' ? 'this build' : `build of ${name}`,
        cell(perCall[`${api}|${name}|1`], perCall[`${api}|openapi-fetch|1`]),
        cell(perCall[`${api}|${name}|16`], perCall[`${api}|openapi-fetch|16`]),
      ]);
  return rows;
}

console.log(
  `## npm run bench:compare -- ${revision}\n\n\`\`\`\n${describeMachine()}\nrounds ${rounds}, calls per batch ${calls}\n\`\`\`\n`,
);
const bare = await startTarget('bare');
try {
  console.log(
    table(
      [
        'client',
        'build',
        'CPU × openapi-fetch, 1 at a time (95% interval)',
        'CPU × openapi-fetch, 16 at a time (95% interval)',
      ],
      rowsOf(await measure(bare.url), pairedRatio),
    ),
  );
} finally {
  await bare.stop();
}
// The client's own work, with the platform's fetch answering from memory (own-work.mjs): each build in a process of
// its own, alternately, three times, so that a slow spell of the machine lands on both.
const dists = { this: path.join(repoRoot, 'dist'), [sha.slice(0, 7)]: otherDist };
/** @type {Record<string, Record<string, number[]>[]>} */
const runs = Object.fromEntries(Object.keys(dists).map((name) => [name, []]));
for (let i = 0; i < 3; i++)
  for (const [name, dir] of Object.entries(dists))
    runs[name].push(await ownWorkRounds(dir, 'plain', { rounds: Math.max(3, Math.ceil(rounds / 3)), calls }));
console.log(
  `\nWith the platform's fetch answering from memory (${MEMORY_BASE}, nothing sent; ${calls * MEMORY_BATCH_FACTOR} calls per batch, each build in a process of its own, 3 times): µs per call over bare openapi-fetch, by the wall clock\n`,
);
const ownRows = [];
for (const api of /** @type {const} */ (['identity', 'portabl']))
  for (const name of Object.keys(dists))
    ownRows.push([
      api,
      name === 'this' ? 'this build' : `build of ${name}`,
      ownWorkOf(runs[name], api, 1),
      ownWorkOf(runs[name], api, 16),
    ]);
console.log(
  table(
    [
      'client',
      'build',
      'µs over openapi-fetch, 1 at a time (95% interval)',
      'µs over openapi-fetch, 16 at a time (95% interval)',
    ],
    ownRows,
  ),
);
