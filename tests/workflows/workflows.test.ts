// The Arazzo workflows of workflows/ are valid Arazzo 1.0.1 (redocly lint), pass every step and criterion against
// the sandbox (redocly respect), fail when a step expects a wrong status, and their traffic (respect's HAR) feeds
// the coverage report. Three child processes in all, run side by side: Redocly's start is the slow part.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageOf } from '../../scripts/conformance/coverage.mjs';
import { loadBundle } from '../../scripts/conformance/targets.mjs';
import { lintWorkflows, runWorkflows, workflowFiles, workflowsDir } from '../../scripts/conformance/workflows.mjs';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox;
let scratch: string;

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', portablPort: 0, identityPort: 0 });
  scratch = mkdtempSync(path.join(tmpdir(), 'kyc-workflows-'));
});

afterAll(async () => {
  await sandbox?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const files = workflowFiles();

/** Every input the workflows declare: the sandbox's demo credentials, and ids and emails no other run uses. */
function inputs(): Record<string, string> {
  const client = sandbox.credentials.portabl[0]!;
  const unique = randomUUID().slice(0, 8);
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    userId: randomUUID(),
    apiKey: sandbox.credentials.identity[0]!.apiKey,
    email: `workflow+${unique}@example.com`,
    ownerEmail: `owner+${unique}@example.com`,
    companyEmail: `company+${unique}@example.com`,
  };
}

const servers = () => ({ portabl: sandbox.urls.portabl, identity: sandbox.urls.identity });
const secrets = () => [sandbox.credentials.portabl[0]!.clientSecret, sandbox.credentials.identity[0]!.apiKey];

describe('Arazzo workflows', () => {
  it('are one Arazzo 1.0.1 file per flow', () => {
    expect(files.map((f) => f.name)).toEqual([
      'identity-company-owner',
      'identity-person-lifecycle',
      'portabl-sync-user-claims',
    ]);
    for (const { document } of files) expect(document.arazzo).toBe('1.0.1');
  });

  it.concurrent('are linted clean by redocly lint', async () => {
    const { status, output } = await lintWorkflows(files.map((f) => f.file));
    expect(status, output).toBe(0);
    expect(output).toMatch(/Your API descriptions are valid/);
    expect(output).not.toMatch(/\b[1-9]\d* (errors?|warnings?)\b/);
  });

  it.concurrent('pass every step and check against the sandbox', async () => {
    const run = await runWorkflows({ files: files.map((f) => f.file), servers: servers(), inputs: inputs() });
    expect(run.status, run.output).toBe(0);
    for (const { name, document } of files) {
      const steps = document.workflows.flatMap((w: any) => w.steps).length;
      const report = run.output.slice(run.output.indexOf(`Running workflow ${name}.arazzo.yaml`));
      expect(report, name).toMatch(
        new RegExp(`Steps: ${steps} passed, ${steps} total\\s+Checks: (\\d+) passed, \\1 total`),
      );
      expect(run.output).toMatch(new RegExp(`✓ ${name}\\.arazzo\\.yaml`));
    }
    // Inputs marked `format: password` are masked in respect's output.
    for (const secret of secrets()) expect(run.output).not.toContain(secret);
  });

  it.concurrent('fail when a step expects a wrong status, naming the step; the HAR of the run feeds the coverage report', async () => {
    const { file } = files.find((f) => f.name === 'identity-person-lifecycle')!;
    // The same workflow with deletePerson expecting 200 instead of the 204 the API documents and answers.
    const text = readFileSync(file, 'utf8')
      .replace(/(stepId: deletePerson[\s\S]*?condition: \$statusCode == )204/, '$1200')
      .replace('url: ../generated/', `url: ${path.resolve(workflowsDir, '..', 'generated')}/`);
    expect(text).toMatch(/stepId: deletePerson[\s\S]*?\$statusCode == 200/);
    const broken = path.join(scratch, 'wrong-status.arazzo.yaml');
    writeFileSync(broken, text);
    const har = path.join(scratch, 'wrong-status.har');
    const run = await runWorkflows({
      files: [broken],
      servers: { identity: sandbox.urls.identity },
      inputs: inputs(),
      har,
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/✗ DELETE \/identities\/\{id\} - step deletePerson/);
    expect(run.output).toContain('Workflows: 1 failed');

    const harText = readFileSync(har, 'utf8');
    for (const secret of secrets()) expect(harText).not.toContain(secret);
    const coverage = coverageOf(loadBundle('identity'), sandbox.urls.identity, JSON.parse(harText).log.entries);
    const requested = Object.fromEntries(coverage.operations.map((o) => [o.operationId, o.requests]));
    // Every step up to the failing one reached its operation; the HAR's entries all map to operations.
    expect(requested).toMatchObject({
      createIdentity: 1,
      listIdentities: 1,
      approveSandboxIdentity: 1,
      listIdentityOperations: 1,
      updateIdentity: 1,
      deleteIdentity: 1,
    });
    expect(requested['getIdentity']).toBeGreaterThanOrEqual(1);
    expect(coverage.unmatched).toBe(0);
    const update = coverage.operations.find((o) => o.operationId === 'updateIdentity')!;
    expect(update.statuses.seen).toEqual(['422']);
    expect(update.requestProperties.seen).toEqual(['name']);
  });
});
