// Section (d): throughput and latency of the servers a partner or a test can run, against a bare node:http server
// answering the same JSON: our Prism mock, stock `prism mock` (the CLI as installed, its default info log on), and
// the sandbox when this branch has it. autocannon drives each for a bounded time from this process; every target
// runs in a child process; runs are interleaved over rounds and the medians shown.
import { existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { repoRoot } from '../apis.mjs';
import { API_KEY, fixtures, IDENTITY_ID } from './fixtures.mjs';
import { deadline, fixed, median, ratio, table } from './stats.mjs';
import { startTarget } from './targets.mjs';

/** The sandbox target activates once issue 4/7's src/sandbox is in this branch (built to dist/ by `npm run bench`). */
export const sandboxAvailable = () => existsSync(path.join(repoRoot, 'dist/src/sandbox/index.js'));

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export async function serverSection({ rounds, seconds }) {
  const check = deadline(900);
  /** @type {Parameters<typeof startTarget>[0][]} */
  const kinds = ['bare', 'mock', 'stock', ...(sandboxAvailable() ? /** @type {const} */ (['sandbox']) : [])];
  const notes = sandboxAvailable()
    ? []
    : ['sandbox: not measured: src/sandbox (issue 4/7) is not in this branch; the target activates when it is.'];
  const targets = [];
  try {
    for (const kind of kinds) {
      try {
        targets.push(await startTarget(kind));
      } catch (error) {
        notes.push(`${kind}: not measured: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const headers = { apikey: API_KEY, 'content-type': 'application/json' };
    // On the sandbox the GET reads an identity the create made; elsewhere any id answers the example.
    const ids = {};
    for (const target of targets) {
      const created = await fetch(`${target.url}/identities`, {
        method: 'POST',
        headers,
        body: JSON.stringify(fixtures.createBody),
      });
      ids[target.name] = created.ok ? ((await created.json()).data?.id ?? IDENTITY_ID) : IDENTITY_ID;
    }
    let creates = 0;
    const requests = {
      'GET /identities/{id}': (t) => ({ url: `${t.url}/identities/${ids[t.name]}`, method: 'GET', headers }),
      // A fresh email for each create, as a server that keeps state (the sandbox) refuses a second identity with
      // the same one; every target gets the same bodies.
      'POST /identities': (t) => ({
        url: `${t.url}/identities`,
        method: 'POST',
        headers,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ ...fixtures.createBody, email: `bench+${++creates}@example.com` }),
            }),
          },
        ],
      }),
    };
    const samples = new Map();
    const key = (request, connections, name) => `${request}|${connections}|${name}`;
    for (const target of targets)
      await load({ ...requests['GET /identities/{id}'](target), connections: 4, duration: 1 }); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const [request, make] of Object.entries(requests)) {
        for (const connections of [1, 16]) {
          for (let i = 0; i < targets.length; i++) {
            check();
            const target = targets[(i + round) % targets.length];
            const result = await load({ ...make(target), connections, duration: seconds });
            const k = key(request, connections, target.name);
            if (!samples.has(k)) samples.set(k, { rps: [], p50: [], p99: [], errors: 0 });
            const s = samples.get(k);
            s.rps.push(result.requests.total / result.duration);
            s.p50.push(result.latency.p50);
            s.p99.push(result.latency.p99);
            s.errors += result.non2xx + result.errors + result.timeouts;
          }
        }
      }
    }
    const rows = [];
    for (const request of Object.keys(requests)) {
      for (const connections of [1, 16]) {
        const bare = median(samples.get(key(request, connections, 'bare'))?.rps ?? []);
        const ours = median(samples.get(key(request, connections, 'mock'))?.rps ?? []);
        for (const target of targets) {
          const s = samples.get(key(request, connections, target.name));
          const rps = median(s.rps);
          rows.push([
            request,
            String(connections),
            target.name,
            fixed(rps, 0),
            ratio(rps, bare),
            ratio(rps, ours),
            fixed(median(s.p50), 1),
            fixed(median(s.p99), 1),
            String(s.errors),
          ]);
        }
      }
    }
    return [
      table(
        ['request', 'connections', 'server', 'req/s', '× bare', '× our mock', 'p50 ms', 'p99 ms', 'non-2xx or errors'],
        rows,
      ),
      ...notes,
    ].join('\n');
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
  }
}
