// The README's TypeScript examples compile against the package as it is: an example that no longer compiles
// teaches every reader something false.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../support/bundles.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

// Inside the repository (gitignored .tmp/) so that node_modules and @types/node resolve as they do for src/.
mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
const dir = mkdtempSync(path.join(repoRoot, '.tmp', 'readme-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('has TypeScript examples for both clients', () => {
  expect(examples.some((e) => e.includes("from 'kyc-contracts/portabl'"))).toBe(true);
  expect(examples.some((e) => e.includes("from 'kyc-contracts/identity'"))).toBe(true);
});

it('compiles every README TypeScript example with tsc --noEmit', () => {
  const files = examples.map((code, i) => {
    const file = `example-${i + 1}.ts`;
    writeFileSync(path.join(dir, file), `${code}\nexport {};\n`);
    return file;
  });
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        lib: ['ES2022', 'DOM'],
        paths: {
          'kyc-contracts/portabl': [path.join(repoRoot, 'src/portabl/index.ts')],
          'kyc-contracts/identity': [path.join(repoRoot, 'src/identity/index.ts')],
        },
        allowImportingTsExtensions: true,
        resolveJsonModule: true,
      },
      files,
    }),
  );
  const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  expect(tsc.status, `README examples do not compile:\n${tsc.stdout}${tsc.stderr}`).toBe(0);
});
