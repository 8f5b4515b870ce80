// Flags reader-facing text (summary, description, title) that addresses the contract's authors instead of the
// API's caller: talk about the source documents, "this contract", or how the reference renders a table. Example
// values, enums and `x-` extensions are not reader text and are skipped.
const TEXT_KEYS = new Set(['summary', 'description', 'title']);
const SKIPPED_KEYS = new Set(['example', 'examples', 'enum', 'const', 'default']);

/** Each pattern with the reason a reader gets; exported for the tests' list of phrases. */
export const AUTHOR_TALK = [
  [
    /\bthe (?:seed |source |provider'?s? )?document(?:s|ation)? (?:writes|names|says|shows|lists|gives|does|documents|describes|leaves|uses|calls|has|is|was|omits|spells|declares)\b/i,
    'talks about the source document',
  ],
  [/\b(?:seed|source) documents?\b/i, 'talks about the source documents'],
  [/\bthe document(?:'s)? (?:example|curl|table|text|sample)s?\b/i, 'talks about the source document'],
  [/\b(?:as in|absent from) the document\b/i, 'talks about the source document'],
  [
    /\bthis contract\b|\bthe contract's\b|\bthe contract (?:declares|chooses|chose|reads|keeps|adds|uses|writes)\b|\bchosen by this contract\b/i,
    'talks about the contract itself',
  ],
  [/contradictions? resolved|\bwrites it `/i, 'talks about how the spec was written'],
  [/\bRequired cell\b|\bbody tables?\b|\boption table\b|\bspec authors?\b/i, 'talks about how the reference renders'],
];

function* texts(node, path) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) yield* texts(node[i], [...path, i]);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || SKIPPED_KEYS.has(key)) continue;
    // `properties` maps names to schemas: a property called `description` is a schema, not text.
    if (TEXT_KEYS.has(key) && typeof value === 'string' && !(path.at(-1) === 'properties'))
      yield [value, [...path, key]];
    else yield* texts(value, [...path, key]);
  }
}

export default function callerVoice(document) {
  const results = [];
  for (const [text, path] of texts(document, [])) {
    for (const [pattern, reason] of AUTHOR_TALK) {
      const found = pattern.exec(text);
      if (found) {
        results.push({
          message: `${path.at(-1)} ${reason} ("${found[0]}"): say what the caller needs, move the why to x-decision`,
          path,
        });
        break;
      }
    }
  }
  return results;
}
