// Acceptance of issue 10: no request, however malformed, ends the mock or gets an answer its operation does not
// document. The mocks run as `npm run mock` runs them, in a child process, so that a crash is seen as an exit
// rather than taking the test runner down; the same suite is meant to run against the sandbox with its own factory.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { apiNamed, freeMockPorts } from '../../scripts/apis.mjs';
import { repoRoot } from '../support/bundles.js';
import { APIKEY_HEADERS } from './support/bodies.js';
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
