// npm run bench:profile: where one call's time goes. Each variant runs `BENCH_CALLS` (default 3,000) sequential
// GETs against the bare server in a fresh process with V8's CPU profiler around the measured calls; prints the
// JavaScript objects made per call, the CPU time per call (the profile less its idle time), the self time by area
// and by function, and the time spent inside each of this package's functions (its callees included). The
// profiles stay under .tmp/bench-profiles/ (open them in Chrome DevTools, Performance panel).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../apis.mjs';
import { table } from './stats.mjs';
import { startTarget } from './targets.mjs';

const calls = Number(process.env.BENCH_CALLS || 3000);
const VARIANTS = [
  'GET /identities/{id} :: raw fetch',
  'GET /identities/{id} :: openapi-fetch',
  'GET /identities/{id} :: identity client',
  'GET /identities/{id} :: identity + validateResponses',
  'GET /provider/users/{userId}/claims :: openapi-fetch',
  'GET /provider/users/{userId}/claims :: portabl client (token cached)',
];

/** Self time (ms) by key from a .cpuprofile: each sample is charged to the node it landed in. */
function selfTimes(profile, keyOf) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const key = keyOf(nodes.get(id).callFrame);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

/** Time (ms) of the samples under each function `pick` selects, counted once per sample even if it recurses. */
function inclusiveTimes(profile, pick) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = nodes.get(at).callFrame;
      if (!pick(f)) continue;
      const key = `${f.functionName || '(anonymous)'} ${area(f)}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

const area = ({ url, functionName }) => {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  // The client entries are esbuild bundles (scripts/build.mjs): their chunks hold openapi-fetch's code too.
  if (url.includes('/dist/src/chunks/'))
    return `kyc-contracts bundle (with openapi-fetch) ${url.slice(url.indexOf('/dist/src/') + 10)}`;
  if (url.includes('/dist/src/')) return `kyc-contracts ${url.slice(url.indexOf('/dist/src/') + 10)}`;
  if (url.includes('node_modules/'))
    return url
      .slice(url.lastIndexOf('node_modules/') + 13)
      .split('/')
      .slice(0, 1)
      .join('/');
  if (url.startsWith('node:internal/deps/undici')) return 'undici (fetch)';
  if (url.startsWith('node:'))
    return url
      .replace(/^node:internal\//, 'node:')
      .split('/')
      .slice(0, 2)
      .join('/');
  return path.basename(url);
};

const bare = await startTarget('bare');
const dir = path.join(repoRoot, '.tmp', 'bench-profiles');
rmSync(dir, { recursive: true, force: true });
try {
  for (const variant of VARIANTS) {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${variant.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
    const started = Date.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, 'scripts/bench/profile-child.mjs'), variant, bare.url, String(calls), file],
      { cwd: repoRoot, timeout: 300_000 },
    );
    const perCall = JSON.parse(stdout.trim().split('\n').pop());
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    const total = selfTimes(profile, () => 'all')[0][1];
    const idle = selfTimes(profile, (f) => f.functionName === '(idle)').find(([k]) => k === true)?.[1] ?? 0;
    const byArea = selfTimes(profile, area).slice(0, 10);
    const byFunction = selfTimes(
      profile,
      (f) => `${f.functionName || '(anonymous)'} ${area(f)}:${f.lineNumber + 1}`,
    ).slice(0, 12);
    const pct = (ms) => `${((100 * ms) / total).toFixed(1)} %`;
    console.log(`\n### ${variant} (${calls} calls, ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    console.log(
      `CPU time in this process: ${((1000 * (total - idle)) / calls).toFixed(0)} µs per call (wall ${((1000 * total) / calls).toFixed(0)} µs)\n`,
    );
    console.log(
      table(
        ['made in JavaScript, per call', 'count'],
        Object.entries(perCall).map(([k, v]) => [k, v.toFixed(2)]),
      ),
    );
    console.log(
      '\n' +
        table(
          ['self time by area', 'ms', 'share'],
          byArea.map(([k, ms]) => [k, ms.toFixed(0), pct(ms)]),
        ),
    );
    console.log(
      '\n' +
        table(
          ['self time by function', 'ms', 'share'],
          byFunction.map(([k, ms]) => [k, ms.toFixed(0), pct(ms)]),
        ),
    );
    const ours = inclusiveTimes(profile, (f) => f.url.includes('/dist/src/') || f.url.includes('openapi-fetch'));
    if (ours.length)
      console.log(
        '\n' +
          table(
            ['time inside (callees included)', 'µs per call', 'share'],
            ours.slice(0, 14).map(([k, ms]) => [k, ((1000 * ms) / calls).toFixed(1), pct(ms)]),
          ),
      );
  }
} finally {
  await bare.stop();
}
