// The Arazzo workflows of workflows/: which there are, what each needs, and running one with `redocly respect`
// against a server (never the servers the bundles name: every source description is pointed at the URL given).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { runAsync } from '../run.mjs';

export const workflowsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'workflows');

/**
 * Every workflow file, parsed.
 * @returns {{file: string, name: string, document: any}[]} `file` absolute; `name` without `.arazzo.yaml`
 */
export function workflowFiles() {
  return readdirSync(workflowsDir)
    .filter((f) => f.endsWith('.arazzo.yaml'))
    .sort()
    .map((f) => ({ file: path.join(workflowsDir, f), name: f.replace(/\.arazzo\.yaml$/, ''), document: parseYaml(readFileSync(path.join(workflowsDir, f), 'utf8')) }));
}

/**
 * Runs one workflow file with `redocly respect`.
 * @param {object} options
 * @param {string} options.file        the .arazzo.yaml file
 * @param {Record<string, string>} options.servers  source description name → base URL (all must be given)
 * @param {Record<string, string>} options.inputs   workflow inputs (`-i name=value`; respect masks `format: password` ones)
 * @param {string} [options.har]       where respect writes the HAR of its traffic
 * @returns {Promise<{status: number, output: string, command: string}>} respect's exit status and output (0: every
 *   step and criterion passed)
 * @throws {Error} when a source description has no server: respect would call the URL the bundle names
 * @example await runWorkflow({ file, servers: { identity: 'http://127.0.0.1:4011' }, inputs: { apiKey: 'k', email: 'a@example.com' } })
 */
export async function runWorkflow({ file, servers, inputs, har }) {
  const document = parseYaml(readFileSync(file, 'utf8'));
  for (const { name } of document.sourceDescriptions ?? []) {
    if (!servers[name]) throw new Error(`${path.basename(file)}: no server given for source description "${name}" (it would call the bundle's own servers)`);
  }
  const args = ['respect', file];
  for (const [name, url] of Object.entries(servers)) args.push('--server', `${name}=${url}`);
  for (const [name, value] of Object.entries(inputs)) args.push('-i', `${name}=${value}`);
  if (har) args.push('-H', har);
  const { status, stdout, stderr } = await runAsync('redocly', args);
  return { status, output: `${stdout}${stderr}`, command: `redocly ${args.join(' ')}` };
}
