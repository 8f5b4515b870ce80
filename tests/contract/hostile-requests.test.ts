// Acceptance of issue 10: no request, however malformed, ends the mock or gets an answer its operation does not
// document. The mocks run as `npm run mock` runs them, in a child process, so that a crash is seen as an exit
// rather than taking the test runner down. The same suite runs against the sandbox (`npm run sandbox`, a child
// process too, embedded store) with its own factory: the same requests, the same judgement.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiNamed, freeMockPorts } from '../../scripts/apis.mjs';
import { APIKEY_HEADERS } from '../support/bodies.js';
import { repoRoot } from '../support/bundles.js';
import { spawnSandbox } from '../support/sandbox-command.js';
import { describeHostileRequests, type HostileTarget } from './support/hostile-requests.js';

async function startMockProcess(): Promise<HostileTarget> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'mock.mjs')], {
    env: { ...process.env, ...freeMockPorts, MOCK_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => /Ctrl-C stops both/.test(printed) && resolve());
    child.once('exit', (code) => reject(new Error(`the mock exited with ${code} before listening: ${printed}`)));
  });
  const url = (title: string) => new RegExp(`${title} mock:\\s+(http://127\\.0\\.0\\.1:\\d+)`).exec(printed)![1]!;
  return {
    urls: { portabl: url(apiNamed('portabl').title), identity: url(apiNamed('identity').title) },
    credentials: { portabl: { authorization: 'Bearer fake-token-for-the-mock' }, identity: APIKEY_HEADERS },
    alive: () => child.exitCode === null && child.signalCode === null,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describeHostileRequests('both mocks (node scripts/mock.mjs)', startMockProcess);

/** `npm run sandbox` with credentials of its own, and a bearer token it issued for every scope. */
async function startSandboxProcess(): Promise<HostileTarget> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kyc-hostile-sandbox-'));
  const client = { clientId: 'hostile-test-client', clientSecret: 'hostile-test-secret-not-a-real-one' };
  const apiKey = 'hostile-test-api-key-not-a-real-one';
  const credentialsFile = path.join(dir, 'credentials.json');
  writeFileSync(credentialsFile, JSON.stringify({ portabl: [client], identity: [{ apiKey }] }));
  const sandbox = await spawnSandbox({ SANDBOX_CREDENTIALS: credentialsFile }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const tokenAnswer = await fetch(`${sandbox.urls.portabl}/provider/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(client),
  });
  if (tokenAnswer.status !== 200)
    throw new Error(
      `the sandbox refused the test client's token request: ${tokenAnswer.status} ${await tokenAnswer.text()}`,
    );
  const { accessToken } = (await tokenAnswer.json()) as { accessToken: string };
  return {
    urls: sandbox.urls,
    credentials: { portabl: { authorization: `Bearer ${accessToken}` }, identity: { apikey: apiKey } },
    alive: () => sandbox.child.exitCode === null && sandbox.child.signalCode === null,
    close: async () => {
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeHostileRequests('both sandboxes (node scripts/sandbox.mjs)', startSandboxProcess);
