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
    .map((f) => ({
      file: path.join(workflowsDir, f),
      name: f.replace(/\.arazzo\.yaml$/, ''),
      document: parseYaml(readFileSync(path.join(workflowsDir, f), 'utf8')),
    }));
}

/**
 * Runs workflow files with `redocly respect`, in one process.
 * @param {object} options
 * @param {string[]} options.files    .arazzo.yaml files
 * @param {Record<string, string>} options.servers  source description name → base URL (every one the files name)
 * @param {Record<string, string>} options.inputs   workflow inputs (`-i name=value`; respect masks `format: password`
 *   ones); a file ignores inputs it does not declare
 * @param {string} [options.har]       where respect writes the HAR of its traffic (respect allows it for one file only)
 * @returns {Promise<{status: number, output: string, command: string}>} respect's exit status and output (0: every
 *   step and criterion passed)
 * @throws {Error} when a source description has no server (respect would call the URL the bundle names), or a HAR
 *   is asked of several files
 * @example await runWorkflows({ files, servers: { identity: 'http://127.0.0.1:4011' }, inputs: { apiKey: 'k', email: 'a@example.com' } })
 */
export async function runWorkflows({ files, servers, inputs, har }) {
  if (har && files.length !== 1)
    throw new Error(`respect writes a HAR for one workflow file at a time, not ${files.length}`);
  for (const file of files) {
    const document = parseYaml(readFileSync(file, 'utf8'));
    for (const { name } of document.sourceDescriptions ?? []) {
      if (!servers[name])
        throw new Error(
          `${path.basename(file)}: no server given for source description "${name}" (it would call the bundle's own servers)`,
        );
    }
  }
  const args = ['respect', ...files];
  for (const [name, url] of Object.entries(servers)) args.push('--server', `${name}=${url}`);
  for (const [name, value] of Object.entries(inputs)) args.push('-i', `${name}=${value}`);
  if (har) args.push('-H', har);
  const { status, stdout, stderr } = await runAsync('redocly', args);
  return { status, output: `${stdout}${stderr}`, command: `redocly ${args.join(' ')}` };
}

/**
 * `redocly lint` of workflow files (Arazzo 1.0.1 rules).
 * @returns {Promise<{status: number, output: string}>}
 */
export async function lintWorkflows(files) {
  const { status, stdout, stderr } = await runAsync('redocly', ['lint', ...files]);
  return { status, output: `${stdout}${stderr}` };
}
