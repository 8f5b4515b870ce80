// Every code sample the docs show compiles against the package: each operation's sample is written to a
// temporary project whose tsconfig (the repository's, strict) maps `kyc-contracts/<api>` to src/<api>/index.ts,
// and `tsc --noEmit` must find no error. A failure names the operation and the compiler's message.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLIENTS, codeSamplesFor, type CodeSample } from '../../scripts/docs/code-samples.mjs';
import { apiNames, loadBundle, operationsOf, repoRoot } from '../support/bundles.js';

interface WrittenSample extends CodeSample {
  api: string;
  /** Relative to the temporary project, as tsc reports it. */
  file: string;
}

let project: string;
let samples: WrittenSample[];
let compilerOutput: string;

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-samples-'));
  samples = apiNames.flatMap((api) =>
    codeSamplesFor(api, loadBundle(api)).map((sample, i) => ({
      ...sample,
      api,
      file: `samples/${api}/${String(i).padStart(2, '0')}-${sample.operationId ?? sample.method}.ts`,
    })),
  );
  for (const sample of samples) {
    mkdirSync(path.dirname(path.join(project, sample.file)), { recursive: true });
    writeFileSync(path.join(project, sample.file), sample.source);
  }
  // ES modules, as a partner's project would be: the samples use top-level await.
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const paths = Object.fromEntries(
    apiNames.map((api) => [CLIENTS[api]!.module, [path.join(repoRoot, 'src', api, 'index.ts')]]),
  );
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify(
      {
        extends: path.join(repoRoot, 'tsconfig.json'),
        compilerOptions: {
          paths,
          // Outside the repository: find @types/node where the package keeps it.
          typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
          noEmit: true,
        },
        include: ['samples/**/*.ts'],
      },
      null,
      2,
    ),
  );
  const tsc = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', project], {
    cwd: project,
    encoding: 'utf8',
  });
  if (tsc.error) throw tsc.error;
  compilerOutput = `${tsc.stdout}${tsc.stderr}`;
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

it('has one sample for every operation of each bundled spec', () => {
  for (const api of apiNames) {
    const expected = operationsOf(api).map((o) => `${o.method.toUpperCase()} ${o.path}`);
    const sampled = samples.filter((s) => s.api === api).map((s) => `${s.method.toUpperCase()} ${s.path}`);
    expect(sampled, api).toEqual(expected);
  }
});

it('type-checks every sample against src/ with the repository compiler settings', () => {
  // tsc reports `samples/portabl/03-getUserSettings.ts(12,3): error TS2345: ...`; anything else (an error in src/
  // or in the configuration) is reported as it is.
  const byOperation = compilerOutput
    .split('\n')
    .filter((line) => /error TS\d+/.test(line))
    .map((line) => {
      const sample = samples.find((s) => line.startsWith(s.file));
      return sample ? `${sample.api} ${sample.label}: ${line.slice(sample.file.length)}` : line;
    });
  expect(byOperation, compilerOutput).toEqual([]);
});
