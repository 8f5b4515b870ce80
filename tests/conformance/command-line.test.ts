// `npm run conformance` as a partner runs it: options checked with a message naming the bad one, a URL target with
// credentials from CONTRACT_* variables, the seed printed, failures as curl, the summary and the coverage table.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTarget, parseCommandLine } from '../../scripts/conformance.mjs';
import { repoRoot } from '../support/bundles.js';
import { type Fault, type FaultyServer, startFaultyIdentityServer } from './support/faulty-identity-server.js';

let server: FaultyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function runCommand(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'conformance.mjs'), ...args], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status: status ?? 1, stdout, stderr }));
  });
}

describe('npm run conformance', () => {
  it('refuses bad options with a message naming the option', async () => {
    expect(() => parseCommandLine([])).toThrow(/--target is required/);
    expect(() => parseCommandLine(['--target', 'mock', '--seed', 'abc'])).toThrow(/--seed abc: give an integer/);
    expect(() => parseCommandLine(['--target', 'mock', '--requests', '0'])).toThrow(
      /--requests 0: give an integer from 1/,
    );
    expect(() => parseCommandLine(['--target', 'mock', '--api', 'payments'])).toThrow(
      /--api payments: give one of portabl, identity/,
    );
    expect(() => parseCommandLine(['--target', 'mock', '--colour'])).toThrow(/colour/);
    const url = parseCommandLine(['--target', 'http://127.0.0.1:9/x']);
    await expect(openTarget(url, {})).rejects.toThrow(/a URL serves one API; add --api/);
    await expect(openTarget({ ...url, api: 'identity' }, {})).rejects.toThrow(
      /needs credentials: set CONTRACT_IDENTITY_API_KEY/,
    );
    await expect(
      openTarget({ ...url, target: 'ftp://x', api: 'identity' }, { CONTRACT_IDENTITY_API_KEY: 'k' }),
    ).rejects.toThrow(/not an http\(s\) URL/);
    await expect(openTarget({ ...url, target: 'env' }, {})).rejects.toThrow(
      /set CONTRACT_PORTABL_URL and\/or CONTRACT_IDENTITY_URL/,
    );
  });

  const run = async (fault: Fault | undefined) => {
    server = await startFaultyIdentityServer(fault);
    return runCommand(
      ['--target', server.url, '--api', 'identity', '--operation', 'getIdentity', '--seed', '3', '--requests', '4'],
      {
        CONTRACT_IDENTITY_API_KEY: server.apiKey,
      },
    );
  };

  it('against a URL: prints the seed, each shrunk failure as curl, one line per check, the counts and the coverage; exits 1', async () => {
    const { status, stdout } = await run('undocumented-status');
    expect(stdout).toMatch(/^conformance: target http:\/\/127\.0\.0\.1:\d+, seed 3, 4 requests per operation and kind/);
    expect(stdout).toMatch(/✖ status_code_conformance: identity getIdentity: answered 418/);
    expect(stdout).toMatch(
      /curl -g -i -X GET 'http:\/\/127\.0\.0\.1:\d+\/identities\/[0-9a-f-]+' -H "apikey: \$CONTRACT_IDENTITY_API_KEY"/,
    );
    expect(stdout).not.toContain(server!.apiKey);
    expect(stdout).toMatch(/✖ status_code_conformance +\d+ requests, 1 failed/);
    expect(stdout).toMatch(/^\d+ passed, 1 failed$/m);
    expect(stdout).toMatch(
      /Coverage of identity .*\n\s+listIdentities +0 req[\s\S]*getIdentity +\d+ req +statuses \d+\/6/,
    );
    expect(status).toBe(1);
  });

  it('exits 0 when every check passes', async () => {
    const { status, stdout } = await run(undefined);
    expect(stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(status).toBe(0);
  });
});

describe('npm run conformance -- --target sandbox', () => {
  it('starts the sandbox, runs the stateful checks too, and stops it', async () => {
    const { status, stdout } = await runCommand(
      ['--target', 'sandbox', '--api', 'portabl', '--operation', 'upsertUser', '--seed', '5', '--requests', '2'],
      {},
    );
    expect(stdout, stdout).toMatch(/✔ ensure_resource_availability +[1-9]\d* requests, 0 failed/);
    // Portabl has no delete operation, so use_after_free has nothing to judge and is not counted.
    expect(stdout).toMatch(/- use_after_free +not run/);
    expect(stdout).toMatch(/^9 passed, 0 failed$/m);
    expect(stdout).toMatch(/Coverage of portabl/);
    expect(status).toBe(0);
  });
});
