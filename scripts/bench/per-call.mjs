// Sections (a) and (e): what one call costs through each client against a bare node:http server, beside raw
// fetch and bare openapi-fetch doing the same request. Variants run interleaved, round after round, in a rotating
// order; each figure is the median over rounds of (batch time / calls). Two times per call: wall clock, and the
// CPU time of this process (user + system; the server runs in another process). On a shared machine the wall
// clock also measures the neighbours; the CPU time is what a call costs its caller, and the ratios use it.
import createClient from 'openapi-fetch';
import { API_KEY, builtModule, CLIENT, IDENTITY_ID, USER_ID } from './fixtures.mjs';
import { deadline, fixed, median, medianInterval, ratio, table } from './stats.mjs';

const { createIdentityClient } = /** @type {typeof import('../../src/identity/index.js')} */ (
  await import(builtModule('src/identity/index.js'))
);
const { createPortablClient } = /** @type {typeof import('../../src/portabl/index.js')} */ (
  await import(builtModule('src/portabl/index.js'))
);

/** @typedef {import('openapi-fetch').Client<import('../../generated/identity/schema.js').paths>} BareIdentityClient */
/** @typedef {import('openapi-fetch').Client<import('../../generated/portabl/schema.js').paths>} BarePortablClient */

const rawJson = async (url, headers) => {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
};
const ok = async (promise) => {
  const result = await promise;
  if (result.error !== undefined || !result.response.ok)
    throw new Error(`${result.response.url}: ${result.response.status}`);
  return result.data;
};

/** The variants of one request, each a function that makes one call and reads its JSON body. */
export function variants(base) {
  const identityPath = { params: { path: { id: IDENTITY_ID } } };
  const claimsPath = { params: { path: { userId: USER_ID } } };
  const bearer = { authorization: 'Bearer fake.access.token-for-examples-only' };
  // Bare openapi-fetch over the same generated paths the clients use, so that the calls below are typed alike.
  // Cast through unknown: a direct cast from Client<{}> made tsc relate the two client types, 2.7 s per type-check.
  const bareIdentity = /** @type {BareIdentityClient} */ (/** @type {unknown} */ (createClient({ baseUrl: base })));
  const barePortabl = /** @type {BarePortablClient} */ (/** @type {unknown} */ (createClient({ baseUrl: base })));
  const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: base });
  const identityValidating = createIdentityClient({ apiKey: API_KEY, baseUrl: base, validateResponses: true });
  const portabl = createPortablClient({ ...CLIENT, baseUrl: base });
  const portablValidating = createPortablClient({ ...CLIENT, baseUrl: base, validateResponses: true });
  return {
    'GET /identities/{id}': {
      'raw fetch': () => rawJson(`${base}/identities/${IDENTITY_ID}`, { apikey: API_KEY }),
      'openapi-fetch': () =>
        ok(bareIdentity.GET('/identities/{id}', { ...identityPath, headers: { apikey: API_KEY } })),
      'identity client': () => ok(identity.GET('/identities/{id}', identityPath)),
      'identity + validateResponses': () => ok(identityValidating.GET('/identities/{id}', identityPath)),
    },
    'GET /provider/users/{userId}/claims': {
      'raw fetch': () => rawJson(`${base}/provider/users/${USER_ID}/claims`, bearer),
      'openapi-fetch': () => ok(barePortabl.GET('/provider/users/{userId}/claims', { ...claimsPath, headers: bearer })),
      'portabl client (token cached)': () => ok(portabl.GET('/provider/users/{userId}/claims', claimsPath)),
      'portabl + validateResponses': () => ok(portablValidating.GET('/provider/users/{userId}/claims', claimsPath)),
    },
  };
}

/**
 * The two requests of the comparisons (own-work.mjs, compare.mjs) as calls that check their answer: by key
 * `<api>|openapi-fetch` through bare openapi-fetch (typed by the generated paths, the key passed as the clients send
 * it), and `<api>|<name>` through each `clients[name]`.
 * @param {string} base
 * @param {Record<string, { identity: any, portabl: any }>} clients
 * @returns {Record<string, () => Promise<void>>}
 * @example const calls = requestCalls(url, { this: { identity, portabl } }); await calls['identity|this']();
 */
export function requestCalls(base, clients) {
  const ok = async (promise) => {
    const result = await promise;
    if (result.error !== undefined || !result.response.ok)
      throw new Error(`${result.response.url}: ${result.response.status}`);
  };
  const identityPath = { params: { path: { id: IDENTITY_ID } } };
  const claimsPath = { params: { path: { userId: USER_ID } } };
  const bearer = { authorization: 'Bearer fake.access.token-for-examples-only' };
  // Cast through unknown (see variants).
  const bareIdentity = /** @type {BareIdentityClient} */ (/** @type {unknown} */ (createClient({ baseUrl: base })));
  const barePortabl = /** @type {BarePortablClient} */ (/** @type {unknown} */ (createClient({ baseUrl: base })));
  /** @type {Record<string, () => Promise<void>>} */
  const calls = {
    'identity|openapi-fetch': () =>
      ok(bareIdentity.GET('/identities/{id}', { ...identityPath, headers: { apikey: API_KEY } })),
    'portabl|openapi-fetch': () =>
      ok(barePortabl.GET('/provider/users/{userId}/claims', { ...claimsPath, headers: bearer })),
  };
  for (const [name, { identity, portabl }] of Object.entries(clients)) {
    calls[`identity|${name}`] = () => ok(identity.GET('/identities/{id}', identityPath));
    calls[`portabl|${name}`] = () => ok(portabl.GET('/provider/users/{userId}/claims', claimsPath));
  }
  return calls;
}

/**
 * The jobs of a comparison over `requestCalls`: each call 1 and 16 at a time, keyed `<api>|<variant>|<concurrency>`
 * and grouped by API and concurrency, so that each variant's batches run next to bare openapi-fetch's (interleaved).
 * @param {Record<string, () => Promise<void>>} calls by key `<api>|<variant>` (requestCalls)
 * @example const perCall = await interleaved(requestJobs(calls), { rounds: 7, calls: 300, check: () => {} });
 */
export function requestJobs(calls) {
  return Object.entries(calls).flatMap(([key, call]) =>
    [1, 16].map((concurrency) => ({
      key: `${key}|${concurrency}`,
      call,
      concurrency,
      group: `${key.split('|')[0]}|${concurrency}`,
    })),
  );
}

/** Runs `calls` calls of `call`, `concurrency` at a time; answers wall and CPU microseconds per call. */
export async function timeCalls(call, calls, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next++;
      await call();
    }
  };
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1000 / calls, cpu: (used.user + used.system) / calls };
}

/**
 * Runs every job once per round, in an order that rotates each round; answers job key → medians {wall, cpu} µs per
 * call, and `rounds` (`wallRounds`): that job's CPU (wall) µs per call in each round, in round order (for paired
 * ratios, pairedRatio). Jobs with the same `group` (a request at one concurrency, say) run one after the other, the
 * groups in an order that rotates too: a ratio pairs batches seconds apart rather than a whole round apart, so the
 * shared machine's slow spells land on both sides of it more often.
 * @param {{ key: string, call: () => Promise<unknown>, concurrency: number, group?: string }[]} jobs
 * @param {{ rounds: number, calls: number, check: () => void }} options
 */
export async function interleaved(jobs, { rounds, calls, check }) {
  const samples = new Map(jobs.map((job) => [job.key, []]));
  /** @type {Map<string, typeof jobs>} */
  const byGroup = new Map();
  for (const job of jobs) {
    const group = job.group ?? job.key;
    if (!byGroup.has(group)) byGroup.set(group, []);
    byGroup.get(group).push(job);
  }
  const groups = [...byGroup.values()];
  for (let round = 0; round < rounds; round++) {
    for (let g = 0; g < groups.length; g++) {
      const group = groups[(g + round) % groups.length];
      for (let i = 0; i < group.length; i++) {
        const job = group[(i + round) % group.length];
        check();
        samples.get(job.key).push(await timeCalls(job.call, calls, job.concurrency));
      }
    }
  }
  return Object.fromEntries(
    [...samples].map(([key, values]) => [
      key,
      {
        wall: median(values.map((v) => v.wall)),
        cpu: median(values.map((v) => v.cpu)),
        rounds: values.map((v) => v.cpu),
        wallRounds: values.map((v) => v.wall),
      },
    ]),
  );
}

/**
 * The CPU ratio of `variant` to `base` measured within each round, as "median× (low–high)", the bracket a 95 %
 * interval of that median (medianInterval). Each round runs every variant within seconds of the others, so a slow
 * spell of a shared machine lands on both sides of a round's ratio; a ratio of the two overall medians would also
 * compare one round's spell against another's. A goal such as "at most 1.05×" is shown met when the interval's high
 * end is under it, and missed when its low end is over it.
 * @example pairedRatio({ rounds: [110, 104, 99] }, { rounds: [100, 100, 100] }) // "1.04× (0.99–1.10)"
 */
export function pairedRatio(variant, base) {
  const ratios = variant.rounds.map((cpu, i) => cpu / base.rounds[i]);
  const [low, high] = medianInterval(ratios);
  return `${median(ratios).toFixed(2)}× (${low.toFixed(2)}–${high.toFixed(2)})`;
}

/** Every request and variant of `variants(base)`, 1 and 16 at a time, in one interleaved set (after a warm-up). */
async function measureVariants(base, { rounds, calls, check }) {
  const all = variants(base);
  for (const fns of Object.values(all))
    for (const call of Object.values(fns)) for (let i = 0; i < 100; i++) await call(); // warm-up: JIT, token, validators
  // Every request, variant and concurrency in one interleaved set, so that a slow spell of the machine spreads
  // over all of them rather than landing on one.
  const jobs = Object.entries(all).flatMap(([request, fns]) =>
    Object.entries(fns).flatMap(([name, call]) =>
      [1, 16].map((concurrency) => ({
        key: `${request}|${name}|${concurrency}`,
        call,
        concurrency,
        group: `${request}|${concurrency}`,
      })),
    ),
  );
  const perCall = await interleaved(jobs, { rounds, calls, check });
  return Object.entries(all).map(([request, fns]) => {
    const at = (concurrency) =>
      Object.fromEntries(Object.keys(fns).map((name) => [name, perCall[`${request}|${name}|${concurrency}`]]));
    return { request, names: Object.keys(fns), sequential: at(1), concurrent: at(16) };
  });
}

/** Section (a). */
export async function perCallSection(base, { rounds, calls }) {
  const check = deadline(600);
  const rows = [];
  for (const { request, names, sequential, concurrent } of await measureVariants(base, { rounds, calls, check })) {
    for (const name of names) {
      rows.push([
        request,
        name,
        fixed(sequential[name].wall, 0),
        fixed(sequential[name].cpu, 0),
        ratio(sequential[name].cpu, sequential['raw fetch'].cpu),
        pairedRatio(sequential[name], sequential['openapi-fetch']),
        fixed(concurrent[name].wall, 0),
        fixed(concurrent[name].cpu, 0),
        ratio(concurrent[name].cpu, concurrent['raw fetch'].cpu),
        pairedRatio(concurrent[name], concurrent['openapi-fetch']),
      ]);
    }
  }
  return table(
    [
      'request',
      'variant',
      '1 at a time: wall µs',
      'CPU µs',
      'CPU × raw fetch',
      'CPU × openapi-fetch, paired (95% interval)',
      '16 at a time: wall µs',
      'CPU µs',
      'CPU × raw fetch',
      'CPU × openapi-fetch, paired (95% interval)',
    ],
    rows,
  );
}

/** Section (e): GET /identities?all=true answering 10, 1,000 and 10,000 identities. */
export async function growthSection(base, { rounds }) {
  const check = deadline(600);
  const rows = [];
  for (const [count, calls] of [
    [10, 100],
    [1000, 10],
    [10000, 2],
  ]) {
    const sized = `${base}/n${count}`;
    const query = { params: { query: { all: true } } };
    const bare = /** @type {BareIdentityClient} */ (/** @type {unknown} */ (createClient({ baseUrl: sized })));
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: sized });
    const validating = createIdentityClient({ apiKey: API_KEY, baseUrl: sized, validateResponses: true });
    const fns = {
      'raw fetch': () => rawJson(`${sized}/identities?all=true`, { apikey: API_KEY }),
      'openapi-fetch': () => ok(bare.GET('/identities', { ...query, headers: { apikey: API_KEY } })),
      'identity client': () => ok(identity.GET('/identities', query)),
      'identity + validateResponses': () => ok(validating.GET('/identities', query)),
    };
    for (const call of Object.values(fns)) await call();
    const perCall = await interleaved(
      Object.entries(fns).map(([key, call]) => ({ key, call, concurrency: 1 })),
      { rounds, calls, check },
    );
    for (const name of Object.keys(fns)) {
      const { wall, cpu } = perCall[name];
      rows.push([
        count.toLocaleString('en'),
        name,
        fixed(wall / 1000, 2),
        fixed(cpu / 1000, 2),
        ratio(cpu, perCall['raw fetch'].cpu),
        pairedRatio(perCall[name], perCall['openapi-fetch']),
      ]);
    }
  }
  return table(
    [
      'identities in the answer',
      'variant',
      'wall ms/call',
      'CPU ms/call',
      'CPU × raw fetch',
      'CPU × openapi-fetch, paired (95% interval)',
    ],
    rows,
  );
}
