// The Arazzo workflows of workflows/ are valid Arazzo 1.0.1 (redocly lint), pass every step and criterion against
// the sandbox (redocly respect), fail when a step expects a wrong status, and their traffic (respect's HAR) feeds
// the coverage report.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { coverageOf } from '../../scripts/conformance/coverage.mjs';
import { loadBundle } from '../../scripts/conformance/targets.mjs';
import { runWorkflow, workflowFiles, workflowsDir } from '../../scripts/conformance/workflows.mjs';
import { runAsync } from '../../scripts/run.mjs';

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

/** Inputs every workflow may ask for: the sandbox's demo credentials and values no earlier run used. */
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

/** Only the inputs a workflow declares (respect refuses others). */
function inputsFor(document: any): Record<string, string> {
  const all = inputs();
  const declared = new Set<string>(document.workflows.flatMap((w: any) => Object.keys(w.inputs?.properties ?? {})));
  return Object.fromEntries(Object.entries(all).filter(([name]) => declared.has(name)));
}

const servers = () => ({ portabl: sandbox.urls.portabl, identity: sandbox.urls.identity });
const serversFor = (document: any) => Object.fromEntries(document.sourceDescriptions.map((s: any) => [s.name, servers()[s.name as 'portabl' | 'identity']]));

describe('Arazzo workflows', () => {
  it('are one file per flow, each linted clean by redocly lint', async () => {
    const files = workflowFiles();
    expect(files.map((f) => f.name)).toEqual(['identity-company-owner', 'identity-person-lifecycle', 'portabl-sync-user-claims']);
    for (const { document } of files) expect(document.arazzo).toBe('1.0.1');
    const { status, stdout, stderr } = await runAsync('redocly', ['lint', ...files.map((f) => f.file)]);
    expect(status, `${stdout}${stderr}`).toBe(0);
    // Zero problems: no "N errors" or "N warnings" line about the workflows.
    expect(`${stdout}${stderr}`).toMatch(/Your API descriptions are valid/);
    expect(`${stdout}${stderr}`).not.toMatch(/\b[1-9]\d* (errors?|warnings?)\b/);
  });

  it.each(workflowFiles().map((f) => [f.name, f] as const))('%s passes every step and check against the sandbox', async (name, { file, document }) => {
    const har = path.join(scratch, `${name}.har`);
    const run = await runWorkflow({ file, servers: serversFor(document), inputs: inputsFor(document), har });
    expect(run.status, run.output).toBe(0);
    const steps = document.workflows.flatMap((w: any) => w.steps).length;
    expect(run.output).toContain(`Steps: ${steps} passed, ${steps} total`);
    expect(run.output).not.toMatch(/Checks: .*failed/);
    // Secrets are masked in respect's output and HAR.
    const secret = document.sourceDescriptions[0].name === 'portabl' ? sandbox.credentials.portabl[0]!.clientSecret : sandbox.credentials.identity[0]!.apiKey;
    expect(run.output).not.toContain(secret);
    expect(readFileSync(har, 'utf8')).not.toContain(secret);
    // respect's HAR feeds the coverage report: every operation a step calls is counted.
    const api = document.sourceDescriptions[0].name as 'portabl' | 'identity';
    const entries = JSON.parse(readFileSync(har, 'utf8')).log.entries;
    const coverage = coverageOf(loadBundle(api), sandbox.urls[api], entries);
    const called = new Set(document.workflows.flatMap((w: any) => w.steps.map((s: any) => s.operationId.split('.').pop())));
    for (const operation of coverage.operations.filter((o) => called.has(o.operationId))) expect(operation.requests, operation.operationId).toBeGreaterThan(0);
    expect(coverage.unmatched).toBe(0);
  });

  it('fails when a step expects a wrong status, naming the step', async () => {
    const { document, file } = workflowFiles().find((f) => f.name === 'identity-person-lifecycle')!;
    // The same workflow with deletePerson expecting 200 instead of the 204 the API documents and answers.
    const text = readFileSync(file, 'utf8')
      .replace(/(stepId: deletePerson[\s\S]*?condition: \$statusCode == )204/, '$1200')
      .replace('url: ../generated/', `url: ${path.resolve(workflowsDir, '..', 'generated')}/`);
    expect(text).toMatch(/stepId: deletePerson[\s\S]*?\$statusCode == 200/);
    const broken = path.join(scratch, 'wrong-status.arazzo.yaml');
    writeFileSync(broken, text);
    const run = await runWorkflow({ file: broken, servers: serversFor(document), inputs: inputsFor(document) });
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/✗ DELETE \/identities\/\{id\} - step deletePerson/);
    expect(run.output).toContain('Workflows: 1 failed');
  });
});
