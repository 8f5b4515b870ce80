// One OpenAPI walker (issue 11, item 2): src/openapi/document.js reads JSON pointers, follows local $refs and
// iterates operations for the sandbox, the MSW handlers, the scripts and the tests. This scans the tree for a second
// one: hand-written pointer (un)escaping, a loop over a document's paths or over the HTTP methods, a $ref split by
// hand, a list of the HTTP methods.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/bundles.js';

const WALKER = 'src/openapi/document.js';
const SELF = 'tests/pipeline/one-walker.test.ts';

const SIGNS: [string, RegExp][] = [
  ['JSON pointer (un)escaping', /~1\/g|~0\/g|'~1'|"~1"/],
  ['a loop over the HTTP methods', /\bof HTTP_METHODS\b|HTTP_METHODS\.(map|filter|flatMap|forEach|some|find)\(/],
  ["a loop over a document's paths", /Object\.(entries|values|keys)\(\s*[\w.]*\bpaths\s*\)/],
  ['a $ref resolved by hand', /\$ref\.slice\(|\$ref\s*\.split\(|\bref\.slice\(2\)/],
  ['a list of the HTTP methods', /\[\s*'get',\s*'put',\s*'post'/],
];

function sources(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(repoRoot, rel)).isDirectory()) return name === 'fixtures' ? [] : sources(rel);
    return /\.(m?js|ts|mts)$/.test(name) ? [rel] : [];
  });
}

it('no module but src/openapi/document.js walks an OpenAPI document', () => {
  const files = ['src', 'scripts', 'tests'].flatMap(sources);
  expect(files).toContain(WALKER);
  const found = files
    .filter((file) => file !== WALKER && file !== SELF)
    .flatMap((file) =>
      readFileSync(path.join(repoRoot, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => SIGNS.filter(([, sign]) => sign.test(line)).map(([what]) => `${file}:${i + 1}: ${what}`)),
    );
  expect(found).toEqual([]);
});

it('recognises each sign of a walker (the scan can fail)', () => {
  const samples = [
    "segment.replace(/~1/g, '/')",
    'for (const method of HTTP_METHODS) {',
    'for (const [path, item] of Object.entries(doc.paths)) {',
    "ref.slice(2).split('/')",
    "const methods = ['get', 'put', 'post', 'delete'];",
  ];
  for (const [i, [what, sign]] of SIGNS.entries()) expect(sign.test(samples[i]!), what).toBe(true);
});
