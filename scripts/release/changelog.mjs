// A CHANGELOG.md section from the gate's diff: grouped by API, breaking entries first, marked and followed by what
// a caller must change. The same change reached through several operations (a shared schema) is one entry.

const RATING_HEADINGS = [
  ['major', '#### Breaking changes'],
  ['minor', '#### Additions and deprecations (minor)'],
  ['patch', '#### Other changes (patch)'],
];

/** `responses/201/content/application/json/schema/properties/a/items/properties/b · pattern` → `201 response body: a[].b`. */
export function shortLocation(location) {
  const place = location.replace(/ · .*$/, '').trim();
  if (!place) return '';
  return place
    .replace(/^requestBody\/content\/.+?\/schema/, 'request body:')
    .replace(/^responses\/(\w+)\/content\/.+?\/schema/, '$1 response body:')
    .replace(/\/items/g, '[]')
    .replace(/\/properties\//g, '.')
    .replace(/:\./, ': ')
    .replace(/:$/, '');
}

function entries(changes, rating) {
  const groups = new Map();
  for (const c of changes.filter((x) => x.rating === rating)) {
    const key = `${c.direction}|${c.rule}|${c.message}|${c.action ?? ''}|${shortLocation(c.location)}`;
    const group = groups.get(key) ?? { ...c, operations: [] };
    for (const o of c.operations ?? [c.operation]) if (!group.operations.includes(o)) group.operations.push(o);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const ops = g.operations.map((o) => `\`${o}\``).join(', ');
    const where =
      g.direction === 'document'
        ? 'Document'
        : g.direction === 'operation'
          ? ops
          : `${g.direction === 'request' ? 'Request' : 'Response'} of ${ops}`;
    const at = shortLocation(g.location);
    const line = `- ${rating === 'major' ? '**BREAKING** ' : ''}${where}: ${g.message} (\`${g.rule}\`${at ? ` at \`${at}\`` : ''})`;
    return rating === 'major' ? `${line}\n  **What a caller must change:** ${g.action}` : line;
  });
}

/**
 * The Markdown section of one release.
 * @param {{ version: string, previous: string, level: string, date: string,
 *   apis: Array<import('./gate.mjs').ApiDiff & { next?: string }> }} release
 * @returns {string} starting with `## <version> (<date>)`, ending with a newline
 * @example changelogSection({ version: '1.0.0', previous: '0.1.0', level: 'major', date: '2026-11-30', apis })
 */
export function changelogSection({ version, previous, level, date, apis }) {
  const out = [`## ${version} (${date})`, '', `Package ${previous} → ${version} (${level}).`, ''];
  for (const api of apis) {
    if (!api.rating) {
      out.push(`### ${api.title} ${api.released}: no contract change`, '');
      continue;
    }
    out.push(`### ${api.title} ${api.released} → ${api.next} (${api.rating})`, '');
    for (const [rating, heading] of RATING_HEADINGS) {
      const lines = entries(api.changes, rating);
      if (lines.length > 0) out.push(heading, '', ...lines, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const TITLE = '# Changelog';

/**
 * CHANGELOG.md with a new section placed above the previous ones (newest first).
 * @param {string | undefined} existing the current file, or undefined when there is none
 * @param {string} section from changelogSection
 */
export function prependSection(existing, section) {
  const text = existing ?? `${TITLE}\n`;
  const at = text.indexOf('\n## ');
  return at === -1 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, at + 1)}${section}\n${text.slice(at + 1)}`;
}
