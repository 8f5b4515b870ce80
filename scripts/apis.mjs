// The APIs this package describes. Every pipeline step iterates this list, so adding an API is one entry here
// and one in redocly.yaml.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const apis = [
  { name: 'portabl', title: 'Portabl Core API', redoclyApi: 'portabl@v1', source: 'specs/portabl/openapi.yaml' },
  { name: 'identity', title: 'Identities API', redoclyApi: 'identity@v1', source: 'specs/identity/openapi.yaml' },
];

/** The generated/ folder, or the folder given with `--out <dir>` (used by the drift test). */
export function outDirFromArgs(argv = process.argv.slice(2)) {
  const i = argv.indexOf('--out');
  if (i === -1) return path.join(repoRoot, 'generated');
  const dir = argv[i + 1];
  if (!dir) throw new Error('--out needs a directory argument');
  return path.resolve(dir);
}

/** Only the APIs named with `--api <name>`, or all of them. */
export function selectedApis(argv = process.argv.slice(2)) {
  const i = argv.indexOf('--api');
  if (i === -1) return apis;
  const name = argv[i + 1];
  const found = apis.filter((a) => a.name === name);
  if (found.length === 0) throw new Error(`--api ${name}: unknown API; known: ${apis.map((a) => a.name).join(', ')}`);
  return found;
}
