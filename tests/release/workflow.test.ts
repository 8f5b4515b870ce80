// Item 7 of issue 15: the pull-request workflow passes an offline workflow validator (@action-validator/cli, a
// WebAssembly build that installs from npm without a download), a deliberately broken copy fails it, and the steps
// the issue asks for are there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/bundles.js';

const workflowFile = path.join(repoRoot, '.github', 'workflows', 'pull-request.yml');
const source = readFileSync(workflowFile, 'utf8');
const work = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(file: string) {
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'action-validator'), [file], {
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function brokenCopy(name: string, text: string) {
  expect(text, `${name}: the edit must change the workflow`).not.toBe(source);
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

it('passes the workflow validator', () => {
  const { status, output } = validate(workflowFile);
  expect(output).toBe('');
  expect(status).toBe(0);
});

it('fails the validator when a job key is misspelt', () => {
  const { status, output } = validate(
    brokenCopy('misspelt.yml', source.replace('    runs-on: ubuntu-latest', '    runs_on: ubuntu-latest')),
  );
  expect(status).not.toBe(0);
  expect(output).toContain("Additional property 'runs_on' is not allowed");
});

it('fails the validator when a step has neither run nor uses', () => {
  const { status, output } = validate(
    brokenCopy('no-run.yml', source.replace('        run: npm run lint', '        runs: npm run lint')),
  );
  expect(status).not.toBe(0);
  expect(output).toContain('/jobs/contracts/steps');
});

it('runs on pull requests: npm ci, lint, tests, and the gate against the base branch with Markdown into the job summary', () => {
  const workflow = parse(source);
  expect(Object.keys(workflow.on)).toEqual(['pull_request']);
  const steps: { run?: string; uses?: string; with?: Record<string, unknown>; shell?: string }[] =
    workflow.jobs.contracts.steps;
  const runs = steps.map((s) => s.run ?? '');
  expect(runs).toContain('npm ci --no-audit --no-fund');
  expect(runs).toContain('npm run lint');
  expect(runs).toContain('npm test');
  const gate = steps.find((s) => s.run?.includes('diff'))!;
  expect(gate.run).toMatch(/--base-ref "origin\/\$BASE_REF".*--markdown.*--check.*\| tee -a "\$GITHUB_STEP_SUMMARY"/);
  expect(gate.shell).toBe('bash');
  expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  const diffScript = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.diff;
  expect(diffScript).toBe('node scripts/diff.mjs');
});
