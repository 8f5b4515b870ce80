// startSandbox's check of its optional peer dependencies (src/sandbox/peers.ts): which peers each configuration
// needs, and one SandboxDependencyError naming every missing one, so that a user installs them with one command
// instead of discovering them one failed start at a time. Packages are made "missing" by the injected presence check,
// or are genuinely absent names; nothing is uninstalled.
import { describe, expect, it } from 'vitest';
import { SandboxDependencyError } from '../../src/sandbox/optional.js';
import { checkSandboxPeers, type SandboxPeer, sandboxPeersFor } from '../../src/sandbox/peers.js';

const names = (peers: SandboxPeer[]) => peers.map((p) => p.packageName);
const ALWAYS = ['fastify', 'qs', 'jose', 'ajv', 'ajv-formats'];

describe('the peers a configuration needs', () => {
  it('are the server, query, token and validation packages, plus what the chosen store loads', () => {
    expect(names(sandboxPeersFor({}))).toEqual([...ALWAYS, 'sql.js']);
    expect(names(sandboxPeersFor({ dataDir: '/tmp/data' }))).toEqual([...ALWAYS, 'sql.js', 'proper-lockfile']);
    // databaseUrl wins over dataDir (openStore opens PostgreSQL): neither sql.js nor the lock is loaded.
    expect(names(sandboxPeersFor({ databaseUrl: 'postgres://x', dataDir: '/tmp/data' }))).toEqual([...ALWAYS, 'pg']);
    expect(names(sandboxPeersFor({ store: {}, databaseUrl: 'postgres://x', dataDir: '/tmp/data' }))).toEqual(ALWAYS);
  });

  it('are all installed in this repository, and the check passes with the real imports', async () => {
    await expect(checkSandboxPeers(sandboxPeersFor({ dataDir: '/tmp/data' }))).resolves.toBeUndefined();
    await expect(checkSandboxPeers(sandboxPeersFor({ databaseUrl: 'postgres://x' }))).resolves.toBeUndefined();
  });
});

describe('several missing peers', () => {
  it('are named in one error, each with its purpose, in one install line', async () => {
    const missing = new Set(['fastify', 'ajv', 'ajv-formats', 'proper-lockfile']);
    const looked: string[] = [];
    const error = await checkSandboxPeers(sandboxPeersFor({ dataDir: '/tmp/data' }), async (peer) => {
      looked.push(peer.packageName);
      return !missing.has(peer.packageName);
    }).catch((e: unknown) => e);
    // Every peer was looked for, not only up to the first missing one.
    expect(looked).toEqual([...ALWAYS, 'sql.js', 'proper-lockfile']);
    expect(error).toBeInstanceOf(SandboxDependencyError);
    const dependencyError = error as SandboxDependencyError;
    expect(dependencyError.packageNames).toEqual(['fastify', 'ajv', 'ajv-formats', 'proper-lockfile']);
    expect(dependencyError.packageName).toBe('fastify');
    expect(dependencyError.message).toContain('"fastify" (the sandbox HTTP server)');
    expect(dependencyError.message).toContain('"ajv" (checking requests against the JSON Schemas of the specs)');
    expect(dependencyError.message).toContain('"proper-lockfile" (one sandbox per SANDBOX_DATA_DIR)');
    expect(dependencyError.message).toContain('npm install --save-dev fastify ajv ajv-formats proper-lockfile');
    expect(dependencyError.message.match(/npm install/g)).toHaveLength(1);
    expect(dependencyError.message).not.toMatch(/"(qs|jose|sql\.js)"/);
  });

  it('are found by really importing them: packages that do not exist are named together', async () => {
    const absent = (packageName: string): SandboxPeer => ({
      packageName,
      purpose: `the ${packageName} feature`,
      load: () => import(packageName as string),
    });
    const peers = [absent('kyc-contracts-absent-one'), ...sandboxPeersFor({}), absent('kyc-contracts-absent-two')];
    const error = await checkSandboxPeers(peers).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxDependencyError);
    expect((error as SandboxDependencyError).packageNames).toEqual([
      'kyc-contracts-absent-one',
      'kyc-contracts-absent-two',
    ]);
    expect((error as Error).message).toContain(
      'npm install --save-dev kyc-contracts-absent-one kyc-contracts-absent-two',
    );
  });

  it('do not hide an installed package that fails to load for another reason: that failure is thrown as it is', async () => {
    const broken: SandboxPeer = {
      packageName: 'broken-peer',
      purpose: 'a test',
      load: () => Promise.reject(new SyntaxError('broken-peer: Unexpected token')),
    };
    await expect(checkSandboxPeers([broken, ...sandboxPeersFor({})])).rejects.toThrow(SyntaxError);
  });
});

describe('one missing peer', () => {
  it('keeps the message and packageName the error had when it named only one', () => {
    const error = new SandboxDependencyError('qs', 'deepObject query parsing');
    expect(error.packageName).toBe('qs');
    expect(error.packageNames).toEqual(['qs']);
    expect(error.message).toBe(
      'the sandbox needs the package "qs" (deepObject query parsing), which is not installed: ' +
        "npm install --save-dev qs (see @kyc-contracts/sdk's peerDependencies for the tested versions)",
    );
  });
});
