// The released baseline: releases/<api>/<package version>.json, the bundle of each API as the package shipped it in
// its last release. Read from the working tree, or from a git ref (the CI gate reads the base branch's baseline so
// that a pull request cannot move it unnoticed).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { apis, repoRoot } from '../apis.mjs';

/** releases/<api>/<version>.json, relative to the repository root. */
export const baselineFile = (api, version) => `releases/${api}/${version}.json`;

function listDir(root, dir, ref) {
  if (!ref) {
    try {
      return readdirSync(path.join(root, dir));
    } catch {
      return [];
    }
  }
  const out = execFileSync('git', ['ls-tree', '--name-only', `${ref}:${dir}`], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.split('\n').filter(Boolean);
}

const readText = (root, file, ref) =>
  ref
    ? execFileSync('git', ['show', `${ref}:${file}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : readFileSync(path.join(root, file), 'utf8');

/**
 * The last release: its package version and each API's released bundle.
 * @param {{ root?: string, ref?: string }} [options] `ref`: a git ref to read from instead of the working tree
 * @returns {{ packageVersion: string, apis: Record<string, { file: string, doc: object }> }}
 * @throws {Error} naming the folder when an API has no baseline, several, a name that is not a version, or when the
 *   APIs' baselines name different package versions (the package ships them together)
 * @example readBaselines().apis.identity.doc.info.version // '1.0.0'
 */
export function readBaselines({ root = repoRoot, ref } = {}) {
  const found = {};
  for (const { name } of apis) {
    const dir = `releases/${name}`;
    let files;
    try {
      files = listDir(root, dir, ref).filter((f) => f.endsWith('.json'));
    } catch (error) {
      throw new Error(`${dir}${ref ? ` at ${ref}` : ''}: cannot list it (${error.message.split('\n')[0]})`);
    }
    if (files.length !== 1) {
      throw new Error(
        `${dir}${ref ? ` at ${ref}` : ''}: expected exactly one released bundle <version>.json, found ${files.length === 0 ? 'none' : files.join(', ')}`,
      );
    }
    const version = files[0].replace(/\.json$/, '');
    if (!semver.valid(version))
      throw new Error(`${dir}/${files[0]}: the file name must be the package version it was released in`);
    const file = baselineFile(name, version);
    let doc;
    try {
      doc = JSON.parse(readText(root, file, ref));
    } catch (error) {
      throw new Error(`${file}: not a JSON document (${error.message})`);
    }
    found[name] = { file, version, doc };
  }
  const versions = [...new Set(Object.values(found).map((b) => b.version))];
  if (versions.length !== 1) {
    throw new Error(
      `releases/: the baselines name different package versions (${Object.values(found)
        .map((b) => b.file)
        .join(', ')}); a release moves them together`,
    );
  }
  return {
    packageVersion: versions[0],
    apis: Object.fromEntries(Object.entries(found).map(([k, { file, doc }]) => [k, { file, doc }])),
  };
}
