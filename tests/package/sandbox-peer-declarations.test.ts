// The packages the sandbox imports as optional peers (SANDBOX_PEERS, src/sandbox/peers.ts) are the ones package.json
// declares as optional peers (installed for the repository itself as exact devDependencies), none of them a
// dependency every caller downloads, and the ones the README tells a user to install.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SANDBOX_PEERS, sandboxPeersFor } from '../../src/sandbox/peers.js';
import { repoRoot } from '../support/bundles.js';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
};
const peers = Object.keys(SANDBOX_PEERS);

describe("the sandbox's optional peers", () => {
  it('are optional peerDependencies at exact versions, installed for the repository at the same versions', () => {
    expect(peers).toEqual(expect.arrayContaining(['ajv', 'ajv-formats', 'fastify']));
    for (const name of peers) {
      expect(pkg.peerDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
      expect(pkg.devDependencies[name], name).toBe(pkg.peerDependencies[name]);
    }
  });

  it('are no dependency of the package, so that a team using only the clients never downloads them', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => peers.includes(name))).toEqual([]);
  });

  it("are the ones the README's sandbox install line names, the default ones on the line itself", () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const line = /`npm i -D ([^`]+)`,\s*plus `([^`]+)` for `SANDBOX_DATA_DIR` and `([^`]+)` for PostgreSQL/.exec(
      readme,
    );
    expect(line, 'README: the sandbox install line').not.toBeNull();
    expect(line![1]!.split(' ')).toEqual(sandboxPeersFor({}).map((p) => p.packageName));
    expect([line![2], line![3]]).toEqual(['proper-lockfile', 'pg']);
    expect(new Set([...line![1]!.split(' '), line![2], line![3]])).toEqual(new Set(peers));
  });
});
