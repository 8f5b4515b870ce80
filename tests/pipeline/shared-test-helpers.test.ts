// Issue 11 item 7: a helper used by tests of more than one folder lives in tests/support/, so a folder's own
// support/ holds only what that folder uses. This scans every test module's relative imports.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/bundles.js';

const testsDir = path.join(repoRoot, 'tests');
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The top folder under tests/ of a file (`contract` for tests/contract/mock/x.ts), or undefined for tests/support. */
const topFolder = (file: string) => path.relative(testsDir, file).split(path.sep)[0];

/** Imports of one folder's `support/` module from another top folder: `<importer> -> <imported>`. */
function crossFolderSupportImports(files: { file: string; source: string }[]): string[] {
  return files.flatMap(({ file, source }) =>
    [...source.matchAll(IMPORT)].flatMap(([, spec]) => {
      const target = path.resolve(path.dirname(file), spec!);
      const rel = path.relative(testsDir, target);
      const [folder, maybeSupport] = rel.split(path.sep);
      const crosses = maybeSupport === 'support' && folder !== 'support' && folder !== topFolder(file);
      return crosses ? [`${path.relative(repoRoot, file)} -> ${path.relative(repoRoot, target)}`] : [];
    }),
  );
}

it('finds a cross-folder import of a folder-local helper (the scan can fail)', () => {
  const file = path.join(testsDir, 'clients', 'x.test.ts');
  expect(
    crossFolderSupportImports([{ file, source: "import { a } from '../transport/support/fake-fetch.js';" }]),
  ).toEqual(['tests/clients/x.test.ts -> tests/transport/support/fake-fetch.js']);
  expect(crossFolderSupportImports([{ file, source: "import { a } from '../support/fake-fetch.js';" }])).toEqual([]);
});

it('keeps every helper used across test folders in tests/support/', () => {
  // This file quotes a cross-folder import as the scan's own sample, so it is left out.
  const files = tsFiles(testsDir)
    .filter((file) => file !== path.join(testsDir, 'pipeline', 'shared-test-helpers.test.ts'))
    .map((file) => ({ file, source: readFileSync(file, 'utf8') }));
  expect(crossFolderSupportImports(files)).toEqual([]);
});
