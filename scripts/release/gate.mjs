// The breaking-change gate: diffs each API's current bundle against its released baseline and decides whether the
// versions say what the changes are. A major change needs the API's info.version and the package version raised
// by a major step (also below 1.0.0: partners pin `^0.x` expecting no breakage, and this gate's rule is stricter
// than `redocly diff --check-version`, which accepts a minor step there); removing a deprecated element before
// its sunset date is refused whatever the versions say. Minor and patch changes wait for the next release.
import semver from 'semver';
import { apis } from '../apis.mjs';
import { largestRating, rateChanges } from './changes.mjs';
import { redoclyDiff } from './redocly-diff.mjs';

/**
 * One API's changes since its release.
 * @typedef {object} ApiDiff
 * @property {string} api
 * @property {string} title
 * @property {string} released
 * @property {string} current
 * @property {import('./changes.mjs').Rating | string} [rating]
 * @property {import('./changes.mjs').RatedChange[]} changes
 */

/** Today's date (UTC) as YYYY-MM-DD, or `KYC_RELEASE_TODAY` when set (tests pin the clock with it). */
export function todayFromEnv(env = process.env) {
  return env.KYC_RELEASE_TODAY ?? new Date().toISOString().slice(0, 10);
}

/**
 * Every API's changes since its baseline.
 * @param {{ baselines: ReturnType<import('./baseline.mjs').readBaselines>, current: Record<string, object>, today: string }} input
 *   `current`: each API's current bundle (a document object), by API name
 * @returns {Promise<ApiDiff[]>}
 *   `released`/`current`: the API's info.version in the baseline and now; `rating`: the largest, undefined if none
 */
export async function diffApis({ baselines, current, today }) {
  return Promise.all(
    apis.map(async ({ name, title }) => {
      const base = baselines.apis[name].doc;
      const revision = current[name];
      if (!revision) throw new Error(`${name}: no current bundle given`);
      const changes = rateChanges({ base, revision, report: await redoclyDiff(base, revision), today });
      return {
        api: name,
        title,
        released: base.info?.version,
        current: revision.info?.version,
        rating: largestRating(changes.map((c) => c.rating)),
        changes,
      };
    }),
  );
}

/** The least version a release of this rating must reach from `released`. */
export function requiredVersion(released, rating) {
  return semver.inc(released, rating);
}

/**
 * The gate's verdict over diffApis' results.
 * @param {Awaited<ReturnType<typeof diffApis>>} results
 * @param {{ releasedPackage: string, currentPackage: string }} versions the package version of the baseline and now
 * @returns {string[]} one message per failure, each naming the change and the command that fixes it; empty = pass
 */
export function judge(results, { releasedPackage, currentPackage }) {
  const failures = [];
  for (const [label, value] of [
    ['package version (package.json)', currentPackage],
    ['released package version (releases/)', releasedPackage],
  ]) {
    if (!semver.valid(value)) failures.push(`${label} ${JSON.stringify(value)} is not a semantic version`);
  }
  const majorApis = [];
  for (const r of results) {
    for (const c of r.changes.filter((x) => x.refused)) {
      failures.push(
        `${r.api}: ${c.operation} ${c.direction}: ${c.message} Refused: ${c.refused}. Restore it in specs/${r.api}/.`,
      );
    }
    if (r.rating !== 'major') continue;
    const majors = r.changes.filter((c) => c.rating === 'major' && !c.refused);
    if (majors.length === 0) continue;
    if (!semver.valid(r.released) || !semver.valid(r.current)) {
      failures.push(
        `${r.api}: info.version ${JSON.stringify(r.released)} → ${JSON.stringify(r.current)} is not a semantic version, so the gate cannot check it`,
      );
      continue;
    }
    const needApi = requiredVersion(r.released, 'major');
    const needPackage = semver.valid(releasedPackage) ? requiredVersion(releasedPackage, 'major') : undefined;
    const apiShort = semver.lt(r.current, needApi);
    const packageShort = needPackage && semver.valid(currentPackage) && semver.lt(currentPackage, needPackage);
    if (!apiShort && !packageShort) continue;
    majorApis.push(r.api);
    const why = [
      apiShort ? `${r.title} info.version is ${r.current} (needs ${needApi} or later, from ${r.released})` : undefined,
      packageShort
        ? `the package version is ${currentPackage} (needs ${needPackage} or later, from ${releasedPackage})`
        : undefined,
    ].filter(Boolean);
    const list = majors.map((c) => `    - ${c.operation} ${c.direction}: ${c.message} [${c.rule}]`).join('\n');
    failures.push(
      `${r.api}: ${majors.length} breaking change(s) since the release, but ${why.join(' and ')}:\n${list}`,
    );
  }
  if (majorApis.length > 0) {
    // The package ships every API, so a release takes every API that changed: name one only when it is the only one.
    const changed = results.filter((r) => r.rating).map((r) => r.api);
    const target = changed.length === 1 && majorApis.length === 1 ? majorApis[0] : 'all';
    failures.push(
      `Fix: either undo the breaking change(s), or cut a major release: npm run release -- ${target} major`,
    );
  }
  return failures;
}
