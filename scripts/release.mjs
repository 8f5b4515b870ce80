// npm run release -- <api|all> <major|minor|patch>
// Cuts a release from the gate's diff: raises each changed API's info.version (by its own largest rating) and the
// package version (by the level given, which must cover every rating), regenerates, writes a CHANGELOG.md section,
// moves the baselines (releases/<api>/<new package version>.json) and leaves it all uncommitted for review.
// Refuses on a dirty tree, when the level is lower than the changes need, when another API has unreleased changes
// (the package ships every API), and when a deprecated element is removed before its sunset; runs npm test on the
// result and undoes everything when it fails.
// KYC_RELEASE_SKIP_TESTS=1 skips running `npm test`: for this repository's own test of the release tool
// (tests/release/), which run it in a temporary copy; never for a real release. KYC_RELEASE_SKIP_DOCS=1 (same tests
// only) regenerates everything but the HTML docs, the slowest step, which the drift test covers on its own.
// KYC_RELEASE_TODAY=YYYY-MM-DD pins the date (changelog heading, sunset dates).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apis, repoRoot } from './apis.mjs';
import { baselineFile, readBaselines } from './release/baseline.mjs';
import { changelogSection, prependSection } from './release/changelog.mjs';
import { RATINGS } from './release/changes.mjs';
import { currentBundles, packageVersion } from './release/current.mjs';
import { diffApis, judge, todayFromEnv } from './release/gate.mjs';
import { planRelease, Refusal } from './release/plan.mjs';
import { setInfoVersion } from './release/spec-version.mjs';

const USAGE = `usage: npm run release -- <${apis.map((a) => a.name).join('|')}|all> <${RATINGS.slice().reverse().join('|')}>`;

const git = (...args) =>
  execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function parseArgs(argv) {
  const [target, level, ...rest] = argv;
  if (!target || !level || rest.length > 0) throw new Refusal(USAGE);
  const names = apis.map((a) => a.name);
  if (target !== 'all' && !names.includes(target)) throw new Refusal(`unknown API ${JSON.stringify(target)}; ${USAGE}`);
  if (!RATINGS.includes(level)) throw new Refusal(`unknown level ${JSON.stringify(level)}; ${USAGE}`);
  return { selected: target === 'all' ? names : [target], level };
}

function requireCleanTree() {
  const dirty = git('status', '--porcelain', '--untracked-files=all').trim();
  if (dirty) throw new Refusal(`the working tree has uncommitted changes; commit or stash them first:\n${dirty}`);
}

// npm test runs on the released state: before it, the gate's own test would fail on the very changes this release
// settles (vitest's --exclude does not reach into the projects' file lists, so it cannot be left out).
function requirePassingTests() {
  if (process.env.KYC_RELEASE_SKIP_TESTS === '1') {
    console.log("! KYC_RELEASE_SKIP_TESTS=1: not running npm test (only for the release tool's own test)");
    return;
  }
  console.log('… npm test (on the released state)');
  const result = spawnSync('npm', ['test'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Refusal(
      `npm test failed (exit ${result.status}); the release's changes were undone: fix the tests, then release again`,
    );
}

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function setPackageVersion(version) {
  const pkgFile = path.join(repoRoot, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  pkg.version = version;
  writeJson(pkgFile, pkg);
  const lockFile = path.join(repoRoot, 'package-lock.json');
  if (existsSync(lockFile)) {
    const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
    lock.version = version;
    if (lock.packages?.['']) lock.packages[''].version = version;
    writeJson(lockFile, lock);
  }
}

function rollback(createdFiles) {
  git('checkout', 'HEAD', '--', '.');
  for (const file of createdFiles) rmSync(path.join(repoRoot, file), { force: true });
}

async function main() {
  const { selected, level } = parseArgs(process.argv.slice(2));
  requireCleanTree();
  const today = todayFromEnv();
  const baselines = readBaselines();
  const results = await diffApis({ baselines, current: currentBundles(), today });

  const previous = baselines.packageVersion;
  const { changed, next, nextPackage } = planRelease({
    results,
    selected,
    target: process.argv[2],
    level,
    releasedPackage: previous,
    currentPackage: packageVersion(),
  });
  const created = [];
  try {
    for (const r of changed) {
      const file = path.join(repoRoot, 'specs', r.api, 'openapi.yaml');
      writeFileSync(file, setInfoVersion(readFileSync(file, 'utf8'), next[r.api]));
    }
    setPackageVersion(nextPackage);
    console.log('… npm run generate');
    const skipDocs = process.env.KYC_RELEASE_SKIP_DOCS === '1' ? ['--skip', 'build-docs.mjs'] : [];
    const generated = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate.mjs'), ...skipDocs], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (generated.status !== 0) throw new Error(`npm run generate failed (exit ${generated.status})`);

    const bundles = currentBundles({ bundleDir: path.join(repoRoot, 'generated') });
    for (const { name } of apis) {
      rmSync(path.join(repoRoot, baselines.apis[name].file));
      const file = baselineFile(name, nextPackage);
      writeFileSync(path.join(repoRoot, file), readFileSync(path.join(repoRoot, 'generated', name, 'openapi.json')));
      created.push(file);
    }
    const changelogFile = path.join(repoRoot, 'CHANGELOG.md');
    if (!existsSync(changelogFile)) created.push('CHANGELOG.md');
    const section = changelogSection({
      version: nextPackage,
      previous,
      level,
      date: today,
      apis: results.map((r) => ({ ...r, next: next[r.api] })),
    });
    writeFileSync(
      changelogFile,
      prependSection(existsSync(changelogFile) ? readFileSync(changelogFile, 'utf8') : undefined, section),
    );

    // The release must leave the gate green: judge the new state as npm test will.
    const after = await diffApis({ baselines: readBaselines(), current: bundles, today });
    const failures = judge(after, { releasedPackage: nextPackage, currentPackage: packageVersion() });
    if (failures.length > 0) throw new Error(`the gate still fails after the release:\n${failures.join('\n')}`);
    requirePassingTests();

    console.log(
      `\n✔ release ${nextPackage} prepared (package ${previous} → ${nextPackage}; ${changed.map((r) => `${r.api} ${r.released} → ${next[r.api]}`).join(', ')})`,
    );
    console.log(`Review it (git diff, CHANGELOG.md), then: git add -A && git commit -m "Release ${nextPackage}"`);
  } catch (error) {
    rollback(created);
    throw error;
  }
}

main().catch((error) => {
  console.error(`✖ npm run release: ${error instanceof Refusal ? 'refused: ' : ''}${error.message}`);
  process.exitCode = error instanceof Refusal ? 1 : 2;
});
