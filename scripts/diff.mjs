// npm run diff: each API's current contract against its released baseline (releases/), every change with its
// direction and rating, then the gate's verdict.
//   --markdown        print Markdown (for a changelog or a CI job summary) instead of text
//   --base-ref <ref>  read the baseline from a git ref (CI: the pull request's base branch) instead of the tree
//   --bundles <dir>   judge <dir>/<api>/openapi.json instead of a fresh bundle of specs/
//   --check           exit 1 when the gate fails (npm test and CI); without it the verdict is only printed
// KYC_RELEASE_TODAY=YYYY-MM-DD pins the date sunset dates are compared with.
import { readBaselines } from './release/baseline.mjs';
import { currentBundles, packageVersion } from './release/current.mjs';
import { formatMarkdown, formatText } from './release/format.mjs';
import { diffApis, judge, todayFromEnv } from './release/gate.mjs';

const argv = process.argv.slice(2);
const flagValue = (flag) => {
  const i = argv.indexOf(flag);
  if (i === -1) return undefined;
  const value = argv[i + 1];
  if (!value || value.startsWith('--')) throw new Error(`${flag} needs a value`);
  return value;
};
const known = new Set(['--markdown', '--check', '--base-ref', '--bundles']);
try {
  const unknown = argv.filter(
    (a, i) => a.startsWith('--') && !known.has(a) && !['--base-ref', '--bundles'].includes(argv[i - 1]),
  );
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  const baselines = readBaselines({ ref: flagValue('--base-ref') });
  const results = await diffApis({
    baselines,
    current: currentBundles({ bundleDir: flagValue('--bundles') }),
    today: todayFromEnv(),
  });
  const failures = judge(results, { releasedPackage: baselines.packageVersion, currentPackage: packageVersion() });
  const markdown = argv.includes('--markdown');
  console.log(
    markdown
      ? `## Contract changes since release ${baselines.packageVersion}\n\n${formatMarkdown(results)}`
      : formatText(results),
  );
  const verdict =
    failures.length === 0
      ? '✔ the versions cover every change since the release'
      : `✖ breaking-change gate:\n${failures.join('\n')}`;
  console.log(
    markdown
      ? `\n${failures.length === 0 ? verdict : `**${verdict.split('\n')[0]}**\n\n\`\`\`\n${failures.join('\n')}\n\`\`\``}`
      : verdict,
  );
  if (argv.includes('--check') && failures.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(`✖ npm run diff: ${error.message}`);
  process.exitCode = 2;
}
