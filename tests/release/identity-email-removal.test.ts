// The acceptance check of issue 15, automated: in a temporary copy of the repository (what the gate and the release
// need: package files, redocly.yaml, specs/, scripts/, releases/, generated/; node_modules linked), removing
// `Identity.email` makes the gate fail naming the change and the fixing command; `npm run release -- identity
// major` then raises the versions, moves the baseline and writes a changelog entry saying what a caller must
// change, and the gate passes. The release skips running npm test (KYC_RELEASE_SKIP_TESTS) and the HTML docs build
// (KYC_RELEASE_SKIP_DOCS) here: both are what this very suite and the drift test check.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readBaselines } from '../../scripts/release/baseline.mjs';
import { repoRoot } from '../support/bundles.js';
import { copyPipeline } from '../support/repo-copy.js';

const copy = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-release-'));
const env = {
  ...process.env,
  KYC_RELEASE_SKIP_TESTS: '1',
  KYC_RELEASE_SKIP_DOCS: '1',
  KYC_RELEASE_TODAY: '2026-11-30',
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: copy, encoding: 'utf8' });
const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');

function node(script: string, ...args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(copy, 'scripts', script), ...args], { cwd: copy, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => resolve({ status, output }));
  });
}

const released = readBaselines();
const infoVersion = (api: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'generated', api, 'openapi.json'), 'utf8')).info.version as string;
let gateBefore: Awaited<ReturnType<typeof node>>;
let dirtyRelease: Awaited<ReturnType<typeof node>>;
let release: Awaited<ReturnType<typeof node>>;
let gateAfter: Awaited<ReturnType<typeof node>>;
let headBefore: string;

beforeAll(async () => {
  copyPipeline(copy, ['package-lock.json', '.gitignore', 'releases', 'README.md', 'CHANGELOG.md']);
  // The copy starts as if released just now (its baseline = the committed bundles), so that changes made in the
  // repository since the real release do not mix with the one this test makes.
  for (const api of Object.keys(released.apis))
    cpSync(path.join(repoRoot, 'generated', api, 'openapi.json'), path.join(copy, released.apis[api]!.file));
  git('init', '-q');
  writeFileSync(path.join(copy, '.git', 'info', 'exclude'), 'node_modules\n');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'copy');

  const schema = 'specs/identity/components/schemas/Identity.yaml';
  const text = read(schema);
  const edited = text
    .replace(/(required: \[[^\]]*?)\bemail, /, '$1')
    .replace(/\n {2}email:\n {4}\$ref: \.\/Email\.yaml\n/, '\n');
  expect(edited, 'the Identity schema no longer has the shape this test edits').not.toBe(text);
  writeFileSync(path.join(copy, schema), edited);
  expect(parse(edited).properties.email).toBeUndefined();
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qam', 'Remove Identity.email');
  headBefore = git('rev-parse', 'HEAD');

  writeFileSync(path.join(copy, 'stray.txt'), 'uncommitted');
  dirtyRelease = await node('release.mjs', 'identity', 'major');
  rmSync(path.join(copy, 'stray.txt'));
  // As in CI: the baseline is read from the base branch (here the commit before the change).
  gateBefore = await node('diff.mjs', '--check', '--base-ref', 'HEAD~1');
  release = await node('release.mjs', 'identity', 'major');
  // The release has just regenerated generated/ from specs/: judge those bundles rather than bundle again.
  gateAfter = await node('diff.mjs', '--check', '--bundles', 'generated');
}, 240_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('removing Identity.email', () => {
  it("fails the gate against the base branch's baseline, naming the change and the command that fixes it", () => {
    expect(gateBefore.status).toBe(1);
    expect(gateBefore.output).toContain('Property `email` of `Identity` was removed.');
    expect(gateBefore.output).toMatch(/info\.version is \d+\.\d+\.\d+ \(needs \d+\.0\.0 or later/);
    expect(gateBefore.output).toContain('npm run release -- identity major');
  });

  it('is refused on a dirty tree (a too low level and the other refusals: release-plan.test.ts)', () => {
    expect(dirtyRelease.status).toBe(1);
    expect(dirtyRelease.output).toMatch(/refused: the working tree has uncommitted changes[\s\S]*stray\.txt/);
  });
});

describe('npm run release -- identity major', () => {
  const nextPackage = `${Number(released.packageVersion.split('.')[0]) + 1}.0.0`;
  const identityBefore = infoVersion('identity');
  const nextIdentity = `${Number(identityBefore.split('.')[0]) + 1}.0.0`;

  it('succeeds and leaves its changes uncommitted, for review', () => {
    expect(release.status, release.output).toBe(0);
    expect(git('rev-parse', 'HEAD')).toBe(headBefore);
    expect(git('status', '--porcelain')).not.toBe('');
  });

  it("raises the package's and the Identities API's major versions, not the unchanged Portabl's", () => {
    expect(JSON.parse(read('package.json')).version).toBe(nextPackage);
    const lock = JSON.parse(read('package-lock.json'));
    expect([lock.version, lock.packages[''].version]).toEqual([nextPackage, nextPackage]);
    expect(parse(read('specs/identity/openapi.yaml')).info.version).toBe(nextIdentity);
    expect(parse(read('specs/portabl/openapi.yaml')).info.version).toBe(infoVersion('portabl'));
  });

  it('moves the baselines to the new package version', () => {
    expect(existsSync(path.join(copy, released.apis.identity!.file))).toBe(false);
    const moved = JSON.parse(read(`releases/identity/${nextPackage}.json`));
    expect(moved).toEqual(JSON.parse(read('generated/identity/openapi.json')));
    expect(moved.info.version).toBe(nextIdentity);
    expect(existsSync(path.join(copy, `releases/portabl/${nextPackage}.json`))).toBe(true);
  });

  it('writes a changelog entry that marks the breaking change and says what a caller must change', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toContain(`## ${nextPackage} (2026-11-30)`);
    expect(changelog).toContain(`### Identities API ${identityBefore} → ${nextIdentity} (major)`);
    const entry = changelog.split('\n- ').find((e) => e.includes('Property `email` of `Identity` was removed.'));
    expect(entry).toBeDefined();
    expect(entry).toMatch(/^\*\*BREAKING\*\* Response of .*`GET \/identities\/\{id\} \(getIdentity\)`/);
    expect(entry).toContain(
      '**What a caller must change:** Stop reading `email` from this response: it is no longer sent.',
    );
  });

  it('makes the gate pass', () => {
    expect(gateAfter.output).toContain('✔ the versions cover every change since the release');
    expect(gateAfter.status).toBe(0);
  });
});
