// The house conventions of specs/ (specs/README.md) are Spectral rules in spectral/conventions.yaml, which
// .spectral.yaml extends. Each rule passes on a spec that follows every convention, fails on a fixture that breaks
// its convention, and passes on both APIs' sources and bundles. Run in-process with the Spectral `npm run lint` uses.

import * as fs from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, type ISpectralDiagnostic, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { httpAndFileResolver } from '@stoplight/spectral-ref-resolver';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import { fetch } from '@stoplight/spectral-runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { apiNames, repoRoot } from '../../support/bundles.js';

const FIXTURES = path.join(repoRoot, 'tests', 'specs', 'conventions', 'fixtures');
const BAD = path.join(FIXTURES, 'bad');

let spectral: Spectral;
let ruleCodes: string[];

beforeAll(async () => {
  spectral = new Spectral({ resolver: httpAndFileResolver });
  const ruleset = await bundleAndLoadRuleset(path.join(repoRoot, 'spectral', 'conventions.yaml'), { fs, fetch });
  spectral.setRuleset(ruleset);
  ruleCodes = Object.keys(ruleset.rules);
});

/** The conventions' findings on one file (other rules, and $ref resolution notes, are not this suite's concern). */
async function conventionFindings(file: string): Promise<ISpectralDiagnostic[]> {
  const document = new Document(readFileSync(file, 'utf8'), Parsers.Yaml, file);
  return (await spectral.run(document)).filter((d) => ruleCodes.includes(String(d.code)));
}

const show = (findings: ISpectralDiagnostic[]) => findings.map((f) => `${f.code} ${f.path.join('/')}: ${f.message}`);

it('the ruleset names a bad fixture for each of its rules, and nothing else', () => {
  const fixtures = readdirSync(BAD)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
  expect(fixtures.sort()).toEqual([...ruleCodes].sort());
  expect(ruleCodes.length).toBeGreaterThanOrEqual(8);
});

it('npm run lint applies them: .spectral.yaml extends the conventions ruleset', () => {
  // Loading .spectral.yaml in-process trips on the OWASP ruleset's CommonJS export (the CLI loads it differently),
  // so read its `extends`; tests/pipeline/lint.test.ts proves the lint passes with it.
  const lintRuleset = YAML.parse(readFileSync(path.join(repoRoot, '.spectral.yaml'), 'utf8')) as { extends: string[] };
  expect(lintRuleset.extends).toContain('./spectral/conventions.yaml');
});

it('a spec that follows every convention gets no finding', async () => {
  expect(show(await conventionFindings(path.join(FIXTURES, 'good', 'openapi.yaml')))).toEqual([]);
});

describe('each bad fixture trips its own rule', () => {
  const fixtures = readdirSync(BAD).filter((f) => f.endsWith('.yaml'));
  it.each(fixtures)('%s', async (fixture) => {
    const findings = await conventionFindings(path.join(BAD, fixture));
    const rule = fixture.replace(/\.yaml$/, '');
    expect(
      findings.map((f) => f.code),
      show(findings).join('\n'),
    ).toContain(rule);
    // One convention broken, one rule tripped: the fixture proves that rule, not a neighbour.
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set([rule]));
  });
});

describe.each(apiNames)('%s', (api) => {
  it('its split sources follow every convention', async () => {
    expect(show(await conventionFindings(path.join(repoRoot, 'specs', api, 'openapi.yaml')))).toEqual([]);
  });
  it('its committed bundle follows every convention', async () => {
    expect(show(await conventionFindings(path.join(repoRoot, 'generated', api, 'openapi.yaml')))).toEqual([]);
  });
});
