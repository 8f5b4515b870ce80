// What a release will do, decided from the gate's diff alone (no file is touched here): which APIs it raises to
// which version, the package's next version, or why it must not run.
import semver from 'semver';
import { largestRating, ratingRank } from './changes.mjs';

/** A reason not to release, said to the person running it (exit 1, no stack). */
export class Refusal extends Error {}

/**
 * The release plan.
 * @param {{ results: Awaited<ReturnType<import('./gate.mjs').diffApis>>, selected: string[], target: string,
 *   level: 'major'|'minor'|'patch', releasedPackage: string, currentPackage: string }} input
 *   `selected`: the APIs named on the command line (`target` as typed: an API name or `all`)
 * @returns {{ changed: import('./gate.mjs').ApiDiff[], next: Record<string, string>, nextPackage: string }} each changed API's next
 *   info.version (its own largest rating, or the current one if higher) and the package's (by `level`, or current)
 * @throws {Refusal} when a change is refused, another API changed too, nothing changed, or `level` is too low
 * @example planRelease({ results, selected: ['identity'], target: 'identity', level: 'major', releasedPackage: '0.1.0', currentPackage: '0.1.0' })
 */
export function planRelease({ results, selected, target, level, releasedPackage, currentPackage }) {
  const refused = results.flatMap((r) =>
    r.changes.filter((c) => c.refused).map((c) => `${r.api}: ${c.operation}: ${c.message} ${c.refused}`),
  );
  if (refused.length > 0) throw new Refusal(`these changes cannot be released:\n${refused.join('\n')}`);
  const others = results.filter((r) => !selected.includes(r.api) && r.rating);
  if (others.length > 0) {
    throw new Refusal(
      `${others.map((r) => `${r.api} (${r.changes.length} change(s), largest ${r.rating})`).join(', ')} also changed since ${releasedPackage}, and the package ships every API: run npm run release -- all ${largestRating([level, ...results.filter((r) => r.rating).map((r) => r.rating)])}`,
    );
  }
  const changed = results.filter((r) => selected.includes(r.api) && r.rating);
  if (changed.length === 0)
    throw new Refusal(`no contract change in ${selected.join(', ')} since ${releasedPackage}: nothing to release`);
  const needed = largestRating(changed.map((r) => r.rating));
  if (ratingRank(level) < ratingRank(needed)) {
    const examples = changed.flatMap((r) =>
      r.changes
        .filter((c) => c.rating === needed)
        .map((c) => `  ${r.api}: ${c.operation} ${c.direction}: ${c.message}`),
    );
    const more = examples.length > 10 ? `\n  ... and ${examples.length - 10} more` : '';
    throw new Refusal(
      `the changes need a ${needed} release, not ${level}:\n${examples.slice(0, 10).join('\n')}${more}\nrun npm run release -- ${target} ${needed}`,
    );
  }
  const atLeast = (computed, current) => (semver.valid(current) && semver.gt(current, computed) ? current : computed);
  // Only APIs with a rating are in `changed`: 'major', 'minor' or 'patch' (changes.mjs).
  const next = Object.fromEntries(
    changed.map((r) => [
      r.api,
      atLeast(semver.inc(r.released, /** @type {import('semver').ReleaseType} */ (r.rating)), r.current),
    ]),
  );
  return { changed, next, nextPackage: atLeast(semver.inc(releasedPackage, level), currentPackage) };
}
