// The APIs this package describes, read from apis.json (the one place that names them) with what follows from each
// entry: its title (the spec's info.title), its bundle paths. Every pipeline step iterates this list, so adding an
// API is one entry in apis.json and its specs/<name>/ folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} ApiClient How the package's typed client for an API is reached and created.
 * @property {string} export the package.json `exports` key, e.g. `./portabl`
 * @property {string} source the entry point's TypeScript source, relative to the repo root
 * @property {string} factory the exported factory's name, e.g. `createPortablClient`
 * @property {string} variable the variable the docs' code samples hold the client in
 * @property {Record<string, unknown>} sampleOptions the factory's options in the docs' samples (placeholders)
 * @property {{ method: string, path: string, note: string[] }} [selfAuthenticating] the operation the client calls
 *   on its own (the docs' sample of it says so)
 */

/**
 * @typedef {object} Api One API of the package.
 * @property {string} name short name: folder under specs/ and generated/, the `--api` value
 * @property {string} title the spec's `info.title`
 * @property {string} source the spec's root file, relative to the repo root
 * @property {{ portEnv: string, defaultPort: number }} mock the Prism mock's port variable and default port
 * @property {ApiClient} [client] absent for an API the package has no client for
 */

/** @type {{ apis: Omit<Api, 'title'>[] }} */
const registry = JSON.parse(readFileSync(path.join(repoRoot, 'apis.json'), 'utf8'));

/** @param {string} source */
function specTitle(source) {
  const title = parseYaml(readFileSync(path.join(repoRoot, source), 'utf8'))?.info?.title;
  if (typeof title !== 'string') throw new Error(`apis.json: ${source} has no info.title`);
  return title;
}

/** @type {readonly Api[]} */
export const apis = registry.apis.map((api) => ({ ...api, title: specTitle(api.source) }));

/** The names of the APIs, in registry order. */
export const apiNames = apis.map((api) => api.name);

/** Environment variables that put every mock on a free port (each API's `mock.portEnv` set to 0). */
export const freeMockPorts = Object.fromEntries(apis.map((api) => [api.mock.portEnv, '0']));

/**
 * The registry entry of one API.
 * @param {string} name
 * @returns {Api}
 * @throws {Error} naming the known APIs when `name` is none of them
 */
export function apiNamed(name) {
  const api = apis.find((a) => a.name === name);
  if (!api) throw new Error(`unknown API "${name}"; known: ${apiNames.join(', ')}`);
  return api;
}

/**
 * Where an API's bundle is written: `<outDir>/<name>/openapi.<ext>`.
 * @param {{ name: string }} api
 * @param {'yaml' | 'json' | 'dereferenced.json'} ext
 * @param {string} [outDir] default generated/
 */
export function bundlePath(api, ext, outDir = path.join(repoRoot, 'generated')) {
  return path.join(outDir, api.name, `openapi.${ext}`);
}

/**
 * The generated/ folder, or the folder given with `--out <dir>` (used by the drift test).
 * @param {string[]} [argv]
 */
export function outDirFromArgs(argv = process.argv.slice(2)) {
  const i = argv.indexOf('--out');
  if (i === -1) return path.join(repoRoot, 'generated');
  const dir = argv[i + 1];
  if (!dir) throw new Error('--out needs a directory argument');
  return path.resolve(dir);
}

/**
 * Only the APIs named with `--api <name>`, or all of them.
 * @param {string[]} [argv]
 * @returns {readonly Api[]}
 */
export function selectedApis(argv = process.argv.slice(2)) {
  const i = argv.indexOf('--api');
  if (i === -1) return apis;
  const name = argv[i + 1];
  const found = apis.filter((a) => a.name === name);
  if (found.length === 0) throw new Error(`--api ${name}: unknown API; known: ${apiNames.join(', ')}`);
  return found;
}
