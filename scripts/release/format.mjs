// The diff as text (terminal) and as Markdown (changelog, CI job summary). One row per change: operation, direction,
// the gate's rating, Redocly's rating when the gate corrected it, and what changed.

const heading = (r) =>
  `${r.title} (${r.api}): released ${r.released}, now ${r.current}; ${r.rating ? `${r.changes.length} change(s), largest ${r.rating}` : 'no contract change'}`;

/**
 * The diff as plain text.
 * @param {Awaited<ReturnType<import('./gate.mjs').diffApis>>} results
 * @returns {string}
 */
export function formatText(results) {
  const lines = [];
  for (const r of results) {
    lines.push(heading(r));
    for (const c of r.changes) {
      lines.push(
        `  ${c.rating.padEnd(5)} ${c.direction.padEnd(9)} ${c.operation}${c.location ? `  ${c.location}` : ''}`,
      );
      lines.push(
        `        ${c.message} [${c.rule}]${c.correctedBy ? ` (redocly rated it ${c.redoclyRating}; ${c.why})` : ''}`,
      );
      if (c.operations.length > 1) lines.push(`        also reaches: ${c.operations.slice(1).join(', ')}`);
      if (c.refused) lines.push(`        REFUSED: ${c.refused}`);
      if (c.action) lines.push(`        caller must: ${c.action}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const cell = (s) => String(s).replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * The diff as Markdown: one table per API.
 * @param {Awaited<ReturnType<import('./gate.mjs').diffApis>>} results
 * @returns {string}
 */
export function formatMarkdown(results) {
  const out = [];
  for (const r of results) {
    out.push(`### ${heading(r)}`, '');
    if (r.changes.length === 0) continue;
    out.push(
      '| rating | direction | operation | change | what a caller must change |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const c of r.changes) {
      const rating = `${c.rating === 'major' ? '**major**' : c.rating}${c.correctedBy ? ` (redocly: ${c.redoclyRating})` : ''}${c.refused ? ' **REFUSED**' : ''}`;
      const change = `${c.message} \`${c.rule}\`${c.location ? ` at \`${c.location}\`` : ''}${c.refused ? ` Refused: ${c.refused}` : ''}`;
      out.push(
        `| ${cell(rating)} | ${c.direction} | ${c.operations.map((o) => `\`${cell(o)}\``).join('<br>')} | ${cell(change)} | ${cell(c.action ?? '')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
