// Lints every API twice (split sources and bundle) with Redocly and Spectral (spectral:oas + OWASP).
// Zero errors AND zero warnings, or it exits 1: a warning ignored today is a broken client tomorrow.
// The bundle it lints is made from specs/ into a temporary folder, removed afterwards: linting never writes
// generated/ (a broken spec would otherwise leave broken bundles there for `npm start` to serve).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, selectedApis } from './apis.mjs';
import { runAsync } from './run.mjs';

const SPECTRAL_SEVERITY = ['error', 'warning', 'info', 'hint'];
let failures = 0;

function report(label, problems) {
  const counted = problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
  const errors = counted.filter((p) => p.severity === 'error').length;
  const warnings = counted.length - errors;
  console.log(`${counted.length === 0 ? '✔' : '✖'} ${label}: ${errors} errors, ${warnings} warnings`);
  for (const p of counted) console.log(`    ${p.severity} ${p.rule} ${p.where}: ${p.message}`);
  failures += counted.length;
}

async function redocly(target) {
  const { stdout, stderr, status } = await runAsync('redocly', [
    'lint',
    target,
    '--format',
    'json',
    '--max-problems',
    '1000',
  ]);
  let parsed;
  try {
    parsed = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch {
    throw new Error(`redocly lint ${target} printed no JSON report (exit ${status}):\n${stderr}`);
  }
  return parsed.problems.map((p) => ({
    severity: p.severity === 'warn' ? 'warning' : p.severity,
    rule: p.ruleId,
    where: `${p.location?.[0]?.source?.ref ?? ''}${p.location?.[0]?.pointer ?? ''}`,
    message: p.message,
  }));
}

async function spectral(target) {
  const { stdout, stderr, status } = await runAsync('spectral', [
    'lint',
    target,
    '--ruleset',
    path.join(repoRoot, '.spectral.yaml'),
    '--format',
    'json',
    '--quiet',
  ]);
  let parsed;
  try {
    parsed = JSON.parse(stdout.trim() || '[]');
  } catch {
    throw new Error(`spectral lint ${target} printed no JSON report (exit ${status}):\n${stdout}\n${stderr}`);
  }
  return parsed.map((p) => ({
    severity: SPECTRAL_SEVERITY[p.severity] ?? 'error',
    rule: p.code,
    where: `${path.relative(repoRoot, p.source ?? '')}#/${(p.path ?? []).join('/')}`,
    message: p.message,
  }));
}

// Inside the repository (in the git-ignored .tmp/), so that .spectral.yaml's overrides for `.tmp/*/generated/<api>/...`
// apply to it as to the committed bundles.
mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
const temporary = mkdtempSync(path.join(repoRoot, '.tmp', 'lint-'));
const bundleDir = path.join(temporary, 'generated');
{
  const bundled = await Promise.all(
    selectedApis().map((api) =>
      runAsync('redocly', [
        'bundle',
        api.source,
        '--output',
        path.join(bundleDir, api.name, 'openapi.yaml'),
        '--ext',
        'yaml',
      ]),
    ),
  );
  const failed = bundled.filter((r) => r.status !== 0);
  if (failed.length > 0) {
    rmSync(temporary, { recursive: true, force: true });
    for (const r of failed) console.error(`✖ ${r.command} exited with ${r.status}\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
}

const checks = [];
for (const api of selectedApis()) {
  const bundle = path.relative(repoRoot, path.join(bundleDir, api.name, 'openapi.yaml'));
  for (const [kind, target] of [
    ['sources', api.source],
    ['bundle', bundle],
  ]) {
    checks.push([`redocly  ${api.name} ${kind}`, redocly(target)]);
    checks.push([`spectral ${api.name} ${kind}`, spectral(target)]);
  }
}
// The linters run side by side (most of each run is start-up); the report keeps a fixed order.
try {
  for (const [label, problems] of checks) report(label, await problems);
} finally {
  rmSync(temporary, { recursive: true, force: true });
}

if (failures > 0) {
  console.error(`\n✖ lint: ${failures} problems (errors and warnings both fail)`);
  process.exit(1);
}
console.log('\n✔ lint: 0 errors, 0 warnings');
