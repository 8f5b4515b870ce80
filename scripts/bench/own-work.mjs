// What each client's own work adds to a call, in µs over bare openapi-fetch, with the platform's fetch answering from
// memory (memory-fetch.mjs). Each measurement runs in a child process of its own that loads one build and one set of
// clients: with another build, or validation (which gives each Response its own text() and json()), in the same
// process, the engine's code for Responses sees more shapes of them and every variant slows, the bare one too.
//   node scripts/bench/own-work.mjs <dist folder> <plain|validating>   (child: prints the per-round figures as JSON)
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { API_KEY, CLIENT } from './fixtures.mjs';
import { MEMORY_BATCH_FACTOR, withMemoryFetch } from './memory-fetch.mjs';
import { deadline, fixed, median, medianInterval, table } from './stats.mjs';

const self = fileURLToPath(import.meta.url);

/**
 * The variants one child measures: bare openapi-fetch and each client, per API, interleaved, 1 and 16 at a time.
 * Answers key `<api>|<openapi-fetch|client>|<concurrency>` → the wall-clock µs per call of each round.
 */
async function measureChild(distDir, set, { rounds, calls }) {
  const { interleaved, requestCalls, requestJobs } = await import('./per-call.mjs');
  const load = (file) => import(pathToFileURL(path.join(distDir, file)).href);
  const { createIdentityClient } = await load('src/identity/index.js');
  const { createPortablClient } = await load('src/portabl/index.js');
  return withMemoryFetch(async (base) => {
    const validateResponses = set === 'validating';
    const fns = requestCalls(base, {
      client: {
        identity: createIdentityClient({ apiKey: API_KEY, baseUrl: base, validateResponses }),
        portabl: createPortablClient({ ...CLIENT, baseUrl: base, validateResponses }),
      },
    });
    for (const call of Object.values(fns)) for (let i = 0; i < 200; i++) await call(); // warm-up, token included
    const jobs = requestJobs(fns);
    const perCall = await interleaved(jobs, { rounds, calls, check: deadline(300) });
    return Object.fromEntries(Object.entries(perCall).map(([key, value]) => [key, value.wallRounds]));
  });
}

if (process.argv[1] === self) {
  const [distDir, set] = process.argv.slice(2);
  const rounds = Number(process.env.BENCH_ROUNDS);
  const calls = Number(process.env.BENCH_CALLS);
  process.stdout.write(JSON.stringify(await measureChild(distDir, set, { rounds, calls })));
}

/**
 * Runs the child for `distDir` (a built package's dist/) and `set` ("plain" clients, or "validating":
 * validateResponses on), `rounds` rounds of `calls` × MEMORY_BATCH_FACTOR calls per batch.
 * @returns {Promise<Record<string, number[]>>} key `<api>|<openapi-fetch|client>|<1|16>` → µs per call, by round
 * @throws {Error} when the child fails (its stderr in the message)
 * @example const rounds = await ownWorkRounds('dist', 'plain', { rounds: 7, calls: 300 });
 */
export async function ownWorkRounds(distDir, set, { rounds, calls }) {
  const { stdout } = await promisify(execFile)(process.execPath, [self, distDir, set], {
    env: { ...process.env, BENCH_ROUNDS: String(rounds), BENCH_CALLS: String(calls * MEMORY_BATCH_FACTOR) },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 320_000,
  });
  return JSON.parse(stdout);
}

/**
 * The µs per call a client adds to bare openapi-fetch within each round, over the rounds of one or more children's
 * figures (ownWorkRounds), as "median (low–high)", the bracket a 95 % interval of that median (medianInterval).
 * @param {Record<string, number[]>[]} runs
 * @param {'identity' | 'portabl'} api
 * @param {1 | 16} concurrency
 */
export function ownWorkOf(runs, api, concurrency) {
  const differences = runs.flatMap((run) =>
    run[`${api}|client|${concurrency}`].map((us, i) => us - run[`${api}|openapi-fetch|${concurrency}`][i]),
  );
  const [low, high] = medianInterval(differences);
  return `${fixed(median(differences))} (${fixed(low)}–${fixed(high)})`;
}

/** The µs per call of bare openapi-fetch itself in those runs (median over all rounds), for scale. */
export function bareOf(runs, api, concurrency) {
  return fixed(median(runs.flatMap((run) => run[`${api}|openapi-fetch|${concurrency}`])));
}

/**
 * Section (a), second part: what each client of this checkout's dist/ adds per call to bare openapi-fetch's own work,
 * plain and with validateResponses, each set in a child of its own.
 * @param {string} distDir
 * @param {{ rounds: number, calls: number }} scale
 */
export async function ownWorkSection(distDir, scale) {
  const rows = [];
  for (const set of ['plain', 'validating']) {
    const runs = [await ownWorkRounds(distDir, set, scale)];
    for (const api of /** @type {const} */ (['identity', 'portabl']))
      rows.push([
        `${api} client${set === 'plain' ? '' : ' + validateResponses'}`,
        bareOf(runs, api, 1),
        ownWorkOf(runs, api, 1),
        bareOf(runs, api, 16),
        ownWorkOf(runs, api, 16),
      ]);
  }
  return table(
    [
      'client',
      '1 at a time: openapi-fetch µs',
      'client µs over it, paired (95% interval)',
      '16 at a time: openapi-fetch µs',
      'client µs over it, paired (95% interval)',
    ],
    rows,
  );
}
