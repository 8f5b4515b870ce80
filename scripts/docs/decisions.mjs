// The README's "Decisions" section, generated from each spec's root `x-decisions` list (why each gap or
// contradiction of the source documents was resolved as it is). The specs hold the decisions once; descriptions
// speak to callers; `npm run generate` rewrites the README section and tests/docs/decisions.test.ts fails on drift.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { apis, repoRoot } from '../apis.mjs';

export const BEGIN = "<!-- decisions: generated from the specs' x-decisions by `npm run generate`; do not edit -->";
export const END = '<!-- end of decisions -->';

/**
 * The Markdown list of decisions of every API, one `###` heading per API.
 * @param {{title: string, doc: Record<string, any>}[]} entries `doc`: a bundle, whose root `x-decisions` is read
 * @returns {string}
 * @throws {Error} when an API's document has no x-decisions or an entry lacks title or decision
 */
export function decisionsMarkdown(entries) {
  return entries
    .map(({ title, doc }) => {
      const decisions = doc['x-decisions'];
      if (!Array.isArray(decisions) || decisions.length === 0)
        throw new Error(`${title}: the spec has no x-decisions list`);
      const items = decisions.map((d, i) => {
        if (typeof d?.title !== 'string' || typeof d?.decision !== 'string')
          throw new Error(`${title}: x-decisions[${i}] needs a title and a decision`);
        return `${i + 1}. **${d.title.replace(/\.$/, '')}.** ${d.decision.trim().replace(/\s+/g, ' ')}`;
      });
      return `### ${title}\n${items.join('\n')}`;
    })
    .join('\n\n');
}

/** The README with its decisions section replaced by `markdown`. */
export function withDecisions(readme, markdown) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md lacks the markers ${BEGIN} … ${END}`);
  return `${readme.slice(0, start + BEGIN.length)}\n${markdown}\n${readme.slice(end)}`;
}

/** Reads the bundles in `bundleDir` (default generated/) and writes the README's decisions section. */
export function writeReadmeDecisions(bundleDir = path.join(repoRoot, 'generated')) {
  const entries = apis.map((api) => ({
    title: api.title,
    doc: parseYaml(readFileSync(path.join(bundleDir, api.name, 'openapi.yaml'), 'utf8')),
  }));
  const file = path.join(repoRoot, 'README.md');
  writeFileSync(file, withDecisions(readFileSync(file, 'utf8'), decisionsMarkdown(entries)));
}
