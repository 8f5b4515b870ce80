// Everything a reader or a consumer compiles, compiles under the strict tsconfig, in one compiler run: the
// generated types, src/, the tests (the type tests of tests/types among them), and the README's TypeScript examples (an example that no longer compiles teaches
// every reader something false). The scripts' JSDoc is checked in a second run beside it (checkJs with its own
// options: tsconfig.scripts.json). The README examples import `<package name>/<api>`, mapped here to src/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apis } from '../../scripts/apis.mjs';
import { repoRoot } from '../support/bundles.js';
import { type Finished, runNodeScript } from '../support/node-process.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const packageName = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string }).name;
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

// Inside the repository (gitignored .tmp/) so that node_modules and @types/node resolve as they do for src/.
mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
const dir = mkdtempSync(path.join(repoRoot, '.tmp', 'typescript-'));
let status: number | null = null;
let diagnostics: string[] = [];
let compiled = new Set<string>();
let scripts: Promise<Finished>;

const TSC = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

beforeAll(() => {
  // The scripts' JSDoc (tsconfig.scripts.json: checkJs) in a second compiler, started first so the two overlap.
  scripts = runNodeScript(TSC, ['--noEmit', '-p', path.join(repoRoot, 'tsconfig.scripts.json')], repoRoot);
  const exampleFiles = examples.map((code, i) => {
    const file = path.join(dir, `readme-example-${i + 1}.ts`);
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(repoRoot, 'tsconfig.json'),
      compilerOptions: {
        paths: {
          ...Object.fromEntries(
            apis.flatMap((api) =>
              api.client
                ? [[`${packageName}${api.client.export.slice(1)}`, [path.join(repoRoot, api.client.source)]]]
                : [],
            ),
          ),
          [`${packageName}/sandbox`]: [path.join(repoRoot, 'src/sandbox/entry.ts')],
          [`${packageName}/msw`]: [path.join(repoRoot, 'src/msw/index.ts')],
        },
      },
      include: [
        ...['src', 'tests', 'generated/*/schema.ts', 'vitest.config.ts'].map((p) => path.join(repoRoot, p)),
        ...exampleFiles,
      ],
    }),
  );
  // --listFiles: the program's files, one absolute path a line after the diagnostics, to prove what it compiled.
  const tsc = spawnSync(process.execPath, [TSC, '--noEmit', '--listFiles', '-p', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  status = tsc.status;
  const lines = `${tsc.stdout}${tsc.stderr}`.split('\n').filter((line) => line.trim() !== '');
  compiled = new Set(lines.filter((line) => path.isAbsolute(line)).map((line) => path.resolve(line)));
  diagnostics = lines.filter((line) => !path.isAbsolute(line));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('has TypeScript examples for both clients in the README', () => {
  expect(examples.some((e) => e.includes(`from '${packageName}/portabl'`))).toBe(true);
  expect(examples.some((e) => e.includes(`from '${packageName}/identity'`))).toBe(true);
});

it('type-checks generated types, src and tests with tsc --noEmit', () => {
  expect(diagnostics.filter((line) => !line.includes('readme-example-'))).toEqual([]);
  // A failed run must have said why; a README-only failure is the next test's to report.
  if (!diagnostics.some((line) => line.includes('readme-example-'))) expect(status, diagnostics.join('\n')).toBe(0);
});

// The type tests (expectTypeOf, @ts-expect-error) are judged by this run alone: a false expectation, or an expected
// error that does not occur, is a diagnostic of the test above, with its file and line.
it('compiles every type test of tests/types in the same run', () => {
  const typeTests = readdirSync(path.join(repoRoot, 'tests', 'types'))
    .filter((file) => file.endsWith('.test-d.ts'))
    .map((file) => path.join(repoRoot, 'tests', 'types', file));
  expect(typeTests.length).toBeGreaterThan(0);
  expect(typeTests.filter((file) => !compiled.has(file))).toEqual([]);
});

it('compiles every README TypeScript example against src/', () => {
  expect(diagnostics.filter((line) => line.includes('readme-example-'))).toEqual([]);
});

it('type-checks the scripts from their JSDoc (checkJs, tsconfig.scripts.json)', async () => {
  const { status: scriptsStatus, output } = await scripts;
  expect(output.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
  expect(scriptsStatus, output).toBe(0);
});

it('checks every script: none opts out with a @ts-nocheck line', () => {
  const files = readdirSync(path.join(repoRoot, 'scripts'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.mjs'),
  );
  expect(files.length).toBeGreaterThan(0);
  const optedOut = files.filter((f) =>
    /^\s*\/\/\s*@ts-nocheck/m.test(readFileSync(path.join(repoRoot, 'scripts', f), 'utf8')),
  );
  expect(optedOut).toEqual([]);
});
