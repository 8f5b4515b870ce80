// Global setup of the `contract` project: starts the Prism mocks of both bundles on free ports (or takes the
// deployments named by CONTRACT_*_URL), hands their base URLs to the tests with `provide`, stops them afterwards.
// The run folder (Prism's logs, the exercised pairs) is deleted after a run that passed, and kept after one that
// failed, with its path printed, because that is when someone reads it.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { logLevelFromEnv, startMocks } from '../../scripts/mock.mjs';
import { startSandbox } from '../../src/sandbox/index.js';
import { type ContractTargets, deploymentsFromEnv, mockTargets } from './support/targets.js';
import './support/sandbox-causes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    contractTargets: ContractTargets;
    /** A fresh folder for this run: Prism's log and the exercised-pairs record. */
    contractRunDir: string;
  }
}

export default async function setup(project: TestProject) {
  const deployments = deploymentsFromEnv(process.env);
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'kyc-contract-'));

  let stopMocks = async () => {};
  let targets: ContractTargets;
  if (deployments.portabl && deployments.identity) {
    targets = { portabl: deployments.portabl, identity: deployments.identity };
  } else {
    // Prism's log holds the only detailed reasons for a rejected request (beyond the sl-violations header):
    // kept in a file rather than mixed into the test output.
    const logPath = path.join(runDir, 'prism.log');
    const log = createWriteStream(logPath);
    const mocks = await startMocks({ ports: 0, logLevel: logLevelFromEnv(), log });
    targets = { ...mockTargets(mocks.urls), ...deployments };
    stopMocks = async () => {
      await mocks.close();
      await new Promise((resolve) => log.end(resolve));
    };
  }
  for (const [api, target] of Object.entries(targets)) {
    console.log(`contract: ${api} → ${target.kind === 'mock' ? 'Prism mock' : 'DEPLOYMENT'} ${target.baseUrl}`);
  }
  console.log(`contract: run folder (Prism log, exercised pairs; deleted if every test passes) ${runDir}`);

  project.provide('contractTargets', targets);
  project.provide('contractRunDir', runDir);
  const sandboxes = await startContractSandboxes();
  project.provide('contractSandbox', sandboxes.provided);
  return async () => {
    await Promise.allSettled([stopMocks(), sandboxes.close()]);
    if (runPassed(project)) {
      await rm(runDir, { recursive: true, force: true });
    } else {
      console.log(`contract: a test failed; the run folder is kept for you to read: ${runDir}`);
    }
  };
}

/** Every test file of this project ran and passed (a file that failed to load counts as failed), with no stray error. */
function runPassed(project: TestProject): boolean {
  const { state } = project.vitest;
  const modules = state.getTestModules().filter((module) => module.project.name === project.name);
  return (
    state.getUnhandledErrors().length === 0 &&
    modules.every((module) => module.ok() && module.state() !== 'pending' && module.state() !== 'queued')
  );
}

/**
 * The sandbox, the suite's third target: two tenants per API, and a twin with the same credentials and signing key
 * whose rate limit (one request an hour) each credential has used up, so that its next request answers 429.
 */
async function startContractSandboxes() {
  const credentials = {
    portabl: [
      { clientId: 'contract-sandbox-client', clientSecret: 'contract-sandbox-secret-not-a-real-one' },
      { clientId: 'contract-sandbox-other-tenant', clientSecret: 'contract-sandbox-other-secret-not-real' },
    ],
    identity: [{ apiKey: 'contract-sandbox-key-not-a-real-one' }, { apiKey: 'contract-sandbox-other-tenant-key' }],
  };
  const signingKey = 'contract-sandbox-signing-key-for-the-suite-only';
  const main = await startSandbox({ credentials, signingKey });
  const limited = await startSandbox({ credentials, signingKey, rateLimit: { requests: 1, windowSeconds: 3600 } });
  for (const client of credentials.portabl) {
    await fetch(`${limited.urls.portabl}/provider/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(client),
    });
  }
  for (const { apiKey } of credentials.identity)
    await fetch(`${limited.urls.identity}/identities`, { headers: { apikey: apiKey } });
  const [client, other] = credentials.portabl as [(typeof credentials.portabl)[0], (typeof credentials.portabl)[0]];
  console.log(`contract: sandbox → ${main.urls.portabl} ${main.urls.identity}`);
  return {
    provided: {
      portabl: { kind: 'sandbox' as const, baseUrl: main.urls.portabl, ...client },
      identity: { kind: 'sandbox' as const, baseUrl: main.urls.identity, apiKey: credentials.identity[0]!.apiKey },
      foreign: { clientId: other.clientId, clientSecret: other.clientSecret, apiKey: credentials.identity[1]!.apiKey },
      rateLimited: limited.urls,
    },
    close: () => Promise.all([main.close(), limited.close()]),
  };
}
