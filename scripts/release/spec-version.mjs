// Raises `info.version` in a hand-written spec root without touching anything else in the file (comments, wrapping).
import { parseDocument } from 'yaml';

/**
 * The YAML text with info.version replaced.
 * @param {string} text the spec root (specs/<api>/openapi.yaml)
 * @param {string} version the new version
 * @throws {Error} when the file has no scalar info.version
 * @example setInfoVersion('info:\n  version: 1.0.0\n', '2.0.0') // 'info:\n  version: 2.0.0\n'
 */
export function setInfoVersion(text, version) {
  const doc = parseDocument(text);
  const node = /** @type {{ range?: number[], value?: unknown } | undefined} */ (doc.getIn(['info', 'version'], true));
  if (!node || !Array.isArray(node.range) || typeof node.value !== 'string')
    throw new Error('no info.version string to raise');
  const [start, end] = node.range;
  return `${text.slice(0, start)}${version}${text.slice(end)}`;
}
