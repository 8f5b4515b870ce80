// Server names → base URLs, read from the spec's `servers` (generated/<api>/runtime.ts) so the URLs live in one place: the contract.
// Convention of both specs: each server's description starts with its name ("Production environment ...").

import { describeType, fail } from './options.js';
import type { RuntimeSpec } from './runtime-spec.js';

/** The URL of the server whose description starts with `name`; throws if the bundle has not exactly one. */
export function serverUrl(spec: RuntimeSpec, api: string, name: string): string {
  const matches = spec.servers.filter((s) => new RegExp(`^${name}\\b`, 'i').test(s.description ?? ''));
  if (matches.length !== 1 || !matches[0]) {
    // A broken bundle, not a caller mistake: say so plainly.
    throw new Error(`the bundled ${api} spec must describe exactly one "${name}" server (found ${matches.length})`);
  }
  return matches[0].url;
}

/** Resolves `server` (a known name, or the default) unless `baseUrl` overrides it. */
export function resolveServer<Name extends string>(
  client: string,
  spec: RuntimeSpec,
  api: string,
  names: readonly Name[],
  fallback: Name,
  server: unknown,
  baseUrl: string | undefined,
): string {
  const known = names.map((n) => `"${n}"`).join(', ');
  if (server !== undefined && typeof server !== 'string')
    fail(client, `server must be one of ${known} (got ${describeType(server)})`);
  if (typeof server === 'string' && !(names as readonly string[]).includes(server)) {
    fail(client, `server "${server}" is unknown; use one of ${known}, or baseUrl for any other URL`);
  }
  return baseUrl ?? serverUrl(spec, api, (server as Name | undefined) ?? fallback);
}
