// Section (b): what importing each entry costs a process (time to import, resident memory added), against
// openapi-fetch alone, each measured in a fresh Node process, interleaved over rounds; and what the first call
// with validateResponses costs (schemas compiled or loaded then) against the calls after it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { repoRoot } from '../apis.mjs';
import { API_KEY, CLIENT, IDENTITY_ID, USER_ID } from './fixtures.mjs';
import { deadline, fixed, median, ratio, table } from './stats.mjs';

const run = promisify(execFile);
const dist = (entry) => pathToFileURL(path.join(repoRoot, 'dist/src', entry, 'index.js')).href;

export const IMPORTED = {
  'openapi-fetch': 'openapi-fetch',
  '@kyc-contracts/sdk/portabl': dist('portabl'),
  '@kyc-contracts/sdk/identity': dist('identity'),
  '@kyc-contracts/sdk/msw (msw excluded)': dist('msw'),
};

// msw is imported first for the msw entry, so that its own cost (a peer the caller has anyway) is not counted.
const importProbe = (specifier, before) => `
${before}
const rss = process.memoryUsage().rss;
const start = performance.now();
await import(${JSON.stringify(specifier)});
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss - rss }));
`;

async function probe(code) {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    cwd: repoRoot,
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop());
}

export async function importSection({ rounds }) {
  const check = deadline(600);
  const names = Object.keys(IMPORTED);
  const samples = Object.fromEntries(names.map((n) => [n, { ms: [], rss: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      check();
      const name = names[(i + round) % names.length];
      const before = name.includes('msw') ? "await import('msw');" : '';
      const { ms, rss } = await probe(importProbe(IMPORTED[name], before));
      samples[name].ms.push(ms);
      samples[name].rss.push(rss);
    }
  }
  const base = { ms: median(samples['openapi-fetch'].ms), rss: median(samples['openapi-fetch'].rss) };
  return table(
    ['entry', 'import ms', '× openapi-fetch', 'RSS added, MiB', '× openapi-fetch'],
    names.map((n) => {
      const ms = median(samples[n].ms);
      const rss = median(samples[n].rss);
      return [n, fixed(ms), ratio(ms, base.ms), fixed(rss / 2 ** 20), ratio(rss, base.rss)];
    }),
  );
}

// One client with validateResponses in a fresh process: the first call, then the median of the next 20.
const firstCallProbe = (base, which) => `
const { ${which === 'identity' ? 'createIdentityClient: create' : 'createPortablClient: create'} } = await import(${JSON.stringify(dist(which))});
const client = create(${which === 'identity' ? `{ apiKey: ${JSON.stringify(API_KEY)}` : `{ ...${JSON.stringify(CLIENT)}`}, baseUrl: ${JSON.stringify(base)}, validateResponses: true });
const call = ${
  which === 'identity'
    ? `() => client.GET('/identities/{id}', { params: { path: { id: ${JSON.stringify(IDENTITY_ID)} } } })`
    : `() => client.GET('/provider/users/{userId}/claims', { params: { path: { userId: ${JSON.stringify(USER_ID)} } } })`
};
const time = async () => { const t = performance.now(); const r = await call(); if (!r.response.ok) throw new Error(String(r.response.status)); return performance.now() - t; };
const first = await time();
const next = [];
for (let i = 0; i < 20; i++) next.push(await time());
next.sort((a, b) => a - b);
console.log(JSON.stringify({ first, later: next[10] }));
`;

/** The first validated call of each client, in fresh processes (median over rounds). */
export async function firstValidatedCallSection(base, { rounds }) {
  const check = deadline(300);
  const rows = [];
  for (const which of ['identity', 'portabl']) {
    const first = [];
    const after = [];
    for (let round = 0; round < rounds; round++) {
      check();
      const probed = await probe(firstCallProbe(base, which));
      first.push(probed.first);
      after.push(probed.later);
    }
    // Portabl's first call also asks for the token: two requests, the token answer validated too.
    rows.push([
      `${which} client + validateResponses${which === 'portabl' ? ' (first call includes the token request)' : ''}`,
      fixed(median(first)),
      fixed(median(after), 2),
    ]);
  }
  return table(['client', 'first call, ms', 'later calls, ms (median)'], rows);
}
