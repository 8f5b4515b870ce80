// The reference speaks to the caller of the API (issue 10, item 9): every summary, description and title a reader
// sees (operations, parameters, responses, schemas and their properties, examples) says what a caller needs, and why
// the contract reads the source documents as it does is kept in an `x-decision` extension beside it (and the
// spec-wide list in the root's `x-decisions`, which the README lists). The lint-time twin of this test is the
// `kyc-description-voice` Spectral rule (spectral/conventions.yaml).
import { describe, expect, it } from 'vitest';
import { apiNames, loadBundle } from '../support/bundles.js';

/** Phrases that address the authors of the contract rather than its callers. */
const AUTHOR_TALK =
  /\bthe document (?:writes|names|says|shows|lists|gives|does|describes|declares|uses|leaves|prints)\b|\bthe document's (?:example|curl|table|prints)|\b(?:as in|absent from) the document\b|\bseed document\b|\bthis contract\b|\bthe contract's\b|contradictions resolved|writes it `:|\bRequired cell\b|\bbody tables?\b|\boption table\b/i;

/** Every reader-facing text of a document, with its JSON pointer; `x-` extensions and example values are skipped. */
function readerTexts(node: unknown, pointer = ''): [string, string][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => readerTexts(item, `${pointer}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]): [string, string][] => {
    if (key.startsWith('x-') || ['example', 'examples', 'enum', 'const', 'default'].includes(key)) return [];
    const at = `${pointer}/${key}`;
    if (
      ['summary', 'description', 'title'].includes(key) &&
      typeof value === 'string' &&
      !pointer.endsWith('/properties')
    )
      return [[at, value]];
    return readerTexts(value, at);
  });
}

describe.each(apiNames)('%s', (api) => {
  const doc = loadBundle(api);
  const texts = readerTexts(doc);
  // The component examples are skipped above as values; their summaries and descriptions are reader text too.
  const exampleTexts = Object.entries(doc.components?.examples ?? {}).flatMap(([name, example]) =>
    (['summary', 'description'] as const)
      .filter((k) => typeof example[k] === 'string')
      .map((k): [string, string] => [`/components/examples/${name}/${k}`, example[k]]),
  );
  const all = [...texts, ...exampleTexts];
  const authorTalk = (list: [string, string][]) =>
    list.filter(([, text]) => AUTHOR_TALK.test(text)).map(([where, text]) => `${where}: ${text}`);

  it('operation, parameter and response texts speak to the caller', () => {
    const paths = all.filter(
      ([where]) =>
        where.startsWith('/paths/') ||
        where.startsWith('/components/parameters/') ||
        where.startsWith('/components/responses/'),
    );
    expect(paths.length).toBeGreaterThan(10);
    expect(authorTalk(paths)).toEqual([]);
  });

  it('schema and property descriptions speak to the caller', () => {
    const schemas = all.filter(([where]) => where.startsWith('/components/schemas/'));
    expect(schemas.filter(([where]) => where.includes('/properties/')).length).toBeGreaterThan(20);
    expect(authorTalk(schemas)).toEqual([]);
  });

  it('every other reader text (API description, examples, security schemes) speaks to the caller', () => {
    expect(exampleTexts.length).toBeGreaterThan(5);
    expect(authorTalk(all)).toEqual([]);
  });

  it('keeps why the contract reads the source as it does in x-decision and the root x-decisions', () => {
    const decisions = JSON.stringify(doc).match(/"x-decision":/g) ?? [];
    expect(decisions.length).toBeGreaterThan(5);
    expect((doc['x-decisions'] as unknown[]).length).toBeGreaterThan(10);
  });
});
