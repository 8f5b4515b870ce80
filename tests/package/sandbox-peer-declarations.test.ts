// The packages the sandbox imports as optional peers (SANDBOX_PEERS, src/sandbox/peers.ts) are the ones package.json
// declares as optional peers, none of them a dependency every caller downloads, and the ones the README tells a user
// to install. Each peer is a caret range of one major version holding the version the repository is tested with (its
// exact devDependency): an exact pin made npm refuse to install the package at all (ERESOLVE), clients only, into a
// project that already had, say, ajv 8.17.1 (found by a new user's try, /work/notes/newuser5.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
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
  it('are optional peerDependencies, each a caret range of one major holding the exact version the repository tests', () => {
    expect(peers).toEqual(expect.arrayContaining(['ajv', 'ajv-formats', 'fastify']));
    for (const name of peers) {
      const range = pkg.peerDependencies[name]!;
      const tested = pkg.devDependencies[name]!;
      expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
      expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
      expect(tested, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(semver.satisfies(tested, range), `${name}: ${tested} in ${range}`).toBe(true);
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
