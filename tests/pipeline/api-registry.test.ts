// apis.json is the one place that names the APIs (issue 11, item 1). What cannot read it at run time (package.json's
// `exports` and `files`, the sandbox's ports in each spec's x-sandbox) is checked against it here, so that an entry
// added or renamed there without the rest fails with what is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { apis } from '../../scripts/apis.mjs';
import { repoRoot } from '../support/bundles.js';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  files: string[];
};
const bundleOf = (name: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'generated', name, 'openapi.json'), 'utf8'));

it('names each API, mock port and mock port variable once', () => {
  for (const values of [
    apis.map((a) => a.name),
    apis.map((a) => String(a.mock.defaultPort)),
    apis.map((a) => a.mock.portEnv),
  ]) {
    expect(new Set(values).size, values.join(', ')).toBe(values.length);
  }
});

it.each(apis.map((a) => [a.name, a] as const))('%s: its spec root exists and gives its title', (_name, api) => {
  expect(existsSync(path.join(repoRoot, api.source)), api.source).toBe(true);
  expect(api.title).toBe(bundleOf(api.name).info.title);
});

it("no mock port is a sandbox port, and the sandbox's port settings (each spec's x-sandbox) differ", () => {
  const sandbox = apis.flatMap((api) => {
    const settings = bundleOf(api.name)['x-sandbox'] as { defaultPort: number; portSetting: string } | undefined;
    return settings ? [settings] : [];
  });
  expect(new Set(sandbox.map((s) => s.portSetting)).size).toBe(sandbox.length);
  const ports = [...apis.map((a) => a.mock.defaultPort), ...sandbox.map((s) => s.defaultPort)];
  expect(new Set(ports).size, ports.join(', ')).toBe(ports.length);
});

it.each(apis.map((a) => [a.name, a] as const))(
  '%s: package.json exports its specs and its client, and packs its bundle',
  (name, api) => {
    expect(pkg.exports[`./specs/${name}.json`]).toBe(`./dist/generated/${name}/openapi.json`);
    expect(pkg.exports[`./specs/${name}.yaml`]).toBe(`./generated/${name}/openapi.yaml`);
    expect(pkg.exports[`./specs/${name}.dereferenced.json`]).toBe(`./generated/${name}/openapi.dereferenced.json`);
    expect(pkg.files).toContain(`generated/${name}/openapi.yaml`);
    if (api.client) {
      const compiled = `./dist/${api.client.source.replace(/\.ts$/, '')}`;
      expect(pkg.exports[api.client.export]).toEqual({ types: `${compiled}.d.ts`, default: `${compiled}.js` });
    }
  },
);
