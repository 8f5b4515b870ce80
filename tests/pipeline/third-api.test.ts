// Adding an API is one entry in apis.json and its specs/<name>/ folder (issue 11, item 1). Proven on a temporary
// copy of what the pipeline reads, with a throwaway third API added: lint, bundle, types and docs all take it in,
// and nothing else in the copy had to change.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../support/bundles.js';
import { copyPipeline } from '../support/repo-copy.js';

const NAME = 'widgets';

let copy: string;
const runs: Record<string, { status: number | null; output: string }> = {};

function runScript(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [path.join(copy, 'scripts', script), ...args], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-third-api-'));
  copyPipeline(copy);
  mkdirSync(path.join(copy, 'specs', NAME));
  cpSync(
    path.join(repoRoot, 'tests/pipeline/fixtures/throwaway-api/openapi.yaml'),
    path.join(copy, 'specs', NAME, 'openapi.yaml'),
  );
  const registryFile = path.join(copy, 'apis.json');
  const registry = JSON.parse(readFileSync(registryFile, 'utf8')) as { apis: unknown[] };
  registry.apis.push({
    name: NAME,
    source: `specs/${NAME}/openapi.yaml`,
    mock: { portEnv: 'WIDGETS_MOCK_PORT', defaultPort: 4012 },
  });
  writeFileSync(registryFile, JSON.stringify(registry, null, 2));

  runs.lint = runScript('lint.mjs', ['--api', NAME]);
  // The other APIs' committed artifacts are in the copy already: generating only the new one keeps this test lean,
  // and the landing page is still built from every API of the registry.
  runs.generate = runScript('generate.mjs', ['--out', path.join(copy, 'generated'), '--api', NAME]);
});
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

it('lints the new API with zero errors and zero warnings', () => {
  expect(runs.lint!.output).toContain(`✔ spectral ${NAME} bundle: 0 errors, 0 warnings`);
  expect(runs.lint!.status, runs.lint!.output).toBe(0);
});

it('bundles it, generates its types and its dereferenced JSON', () => {
  expect(runs.generate!.status, runs.generate!.output).toBe(0);
  const bundle = JSON.parse(readFileSync(path.join(copy, 'generated', NAME, 'openapi.json'), 'utf8'));
  expect(bundle.info.title).toBe('Widgets API');
  expect(readFileSync(path.join(copy, 'generated', NAME, 'schema.ts'), 'utf8')).toContain('getWidget');
  expect(existsSync(path.join(copy, 'generated', NAME, 'openapi.dereferenced.json'))).toBe(true);
});

it('builds its reference page, and the landing page lists it with its mock port and variable', () => {
  expect(runs.generate!.status, runs.generate!.output).toBe(0);
  expect(readFileSync(path.join(copy, 'generated', 'docs', `${NAME}.html`), 'utf8')).toContain('Widgets API');
  const landing = readFileSync(path.join(copy, 'generated', 'docs', 'index.html'), 'utf8');
  for (const text of [
    'Widgets API',
    'WIDGETS_MOCK_PORT',
    'http://127.0.0.1:4012',
    'Portabl Core API',
    'Identities API',
  ])
    expect(landing).toContain(text);
});
