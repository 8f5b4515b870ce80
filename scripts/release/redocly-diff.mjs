// Runs `redocly diff` (Redocly CLI, configured with diff-recommended) over two OpenAPI documents and returns its
// JSON report: the changes with their paths, Redocly's impact (patch, minor, major) and the rule behind it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAsync } from '../run.mjs';

const config = path.join(path.dirname(fileURLToPath(import.meta.url)), 'diff.redocly.yaml');

/**
 * Diffs two OpenAPI documents (objects) with `redocly diff --format json --fail-on none`.
 * @param {object} base the released document
 * @param {object} revision the current document
 * @returns {Promise<{summary: object, changes: object[]}>} Redocly's report (reportVersion 1)
 * @throws {Error} when Redocly prints no JSON report (the error carries its output)
 * @example const report = await redoclyDiff(released, current); report.changes[0].impact // 'major'
 */
export async function redoclyDiff(base, revision) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-diff-'));
  try {
    const basePath = path.join(dir, 'released.json');
    const revisionPath = path.join(dir, 'current.json');
    writeFileSync(basePath, JSON.stringify(base));
    writeFileSync(revisionPath, JSON.stringify(revision));
    const { status, stdout, stderr } = await runAsync('redocly', [
      'diff',
      basePath,
      revisionPath,
      '--config',
      config,
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    const start = stdout.indexOf('{');
    try {
      const report = JSON.parse(stdout.slice(start));
      if (!Array.isArray(report.changes)) throw new Error('no changes array');
      return report;
    } catch (error) {
      throw new Error(`redocly diff printed no JSON report (exit ${status}): ${error.message}\n${stdout}${stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
