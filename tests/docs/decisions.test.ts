// The README's decisions list is generated from the specs' root `x-decisions` (issue 10, item 9): one place holds
// each decision, and the README cannot drift from it. Run `npm run generate` after changing a spec's x-decisions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { apiNamed } from '../../scripts/apis.mjs';
import { BEGIN, decisionsMarkdown, END } from '../../scripts/docs/decisions.mjs';
import { apiNames, loadBundle, repoRoot } from '../support/bundles.js';

it('the README lists exactly the decisions of both specs, in their order', () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END)).trim();
  const expected = decisionsMarkdown(apiNames.map((api) => ({ title: apiNamed(api).title, doc: loadBundle(api) })));
  expect(section).toBe(expected);
});

it.each(apiNames)(
  '%s: every decision has a title and a text, and none is left in the description callers read',
  (api) => {
    const doc = loadBundle(api);
    const decisions = doc['x-decisions'] as { title: string; decision: string }[];
    expect(decisions.length).toBeGreaterThan(10);
    for (const d of decisions) expect(d.title.length * d.decision.length).toBeGreaterThan(0);
    expect(doc.info.description).not.toMatch(/## (Decisions|Where the document)/);
  },
);
