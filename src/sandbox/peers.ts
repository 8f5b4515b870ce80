// The sandbox's optional peer dependencies, in one place: what each is for and how it is imported, which of them a
// configuration needs, and the check startSandbox runs before it opens anything. Kept apart from optional.ts so that
// the sandbox's public declarations (which reach optional.ts for SandboxDependencyError) name none of these packages'
// types: a project that has not installed them still compiles against the entry.
import { isMissing, loadOptional, SandboxDependencyError } from './optional.js';

/**
 * Each peer: what the sandbox uses it for (the purpose a SandboxDependencyError shows) and its import, a static
 * `import()` expression so that TypeScript types the module and bundlers see it.
 * @example SANDBOX_PEERS.pg.purpose // 'the PostgreSQL store (DATABASE_URL)'
 */
export const SANDBOX_PEERS = {
  fastify: { purpose: 'the sandbox HTTP server', load: () => import('fastify') },
  qs: { purpose: 'deepObject query parsing', load: () => import('qs') },
  jose: { purpose: 'signing and verifying access tokens', load: () => import('jose') },
  ajv: { purpose: 'checking requests against the JSON Schemas of the specs', load: () => import('ajv/dist/2020.js') },
  'ajv-formats': {
    purpose: 'the string formats of those schemas (email, date, uuid...)',
    load: () => import('ajv-formats'),
  },
  'sql.js': { purpose: 'the embedded store', load: () => import('sql.js') },
  pg: { purpose: 'the PostgreSQL store (DATABASE_URL)', load: () => import('pg') },
  'proper-lockfile': { purpose: 'one sandbox per SANDBOX_DATA_DIR', load: () => import('proper-lockfile') },
} as const;

export type SandboxPeerName = keyof typeof SANDBOX_PEERS;
type PeerModule<N extends SandboxPeerName> = Awaited<ReturnType<(typeof SANDBOX_PEERS)[N]['load']>>;

/**
 * Imports one peer.
 * @throws {SandboxDependencyError} naming it and its purpose when it is not installed
 * @example const jose = await loadPeer('jose');
 */
export function loadPeer<N extends SandboxPeerName>(name: N): Promise<PeerModule<N>> {
  const { purpose, load } = SANDBOX_PEERS[name];
  return loadOptional(name, purpose, load as () => Promise<PeerModule<N>>);
}

/** A package to look for: its name, what for, and how it is imported. */
export interface SandboxPeer {
  packageName: string;
  purpose: string;
  load: () => Promise<unknown>;
}

/** The settings of startSandbox that decide which peers it loads (see store/index.ts for which store is opened). */
export interface PeerNeeds {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  store?: object | undefined;
}

/**
 * The peers a sandbox with these settings loads: fastify, qs, jose, ajv and ajv-formats always; with a store of the
 * caller's, no store package; else pg with `databaseUrl` (which wins over `dataDir`); else sql.js, and
 * proper-lockfile with `dataDir`.
 * @example sandboxPeersFor({ dataDir: '/tmp/data' }).map((p) => p.packageName) // [..., 'sql.js', 'proper-lockfile']
 */
export function sandboxPeersFor(options: PeerNeeds): SandboxPeer[] {
  const names: SandboxPeerName[] = ['fastify', 'qs', 'jose', 'ajv', 'ajv-formats'];
  if (options.store) {
    // The caller's store: openStore is not called.
  } else if (options.databaseUrl) names.push('pg');
  else names.push('sql.js', ...(options.dataDir ? (['proper-lockfile'] as const) : []));
  return names.map((name) => ({ packageName: name, ...SANDBOX_PEERS[name] }));
}

/**
 * Whether `peer` is installed, by importing it (the sandbox imports it next anyway): a missing package answers
 * false; any other failure (an installed package that fails to load, or one missing a dependency of its own) is
 * thrown as it is, since installing the peer again would not cure it.
 * @example await isInstalled({ packageName: 'qs', purpose: 'deepObject query parsing', load: () => import('qs') }) // true
 */
export async function isInstalled(peer: SandboxPeer): Promise<boolean> {
  try {
    await peer.load();
    return true;
  } catch (error) {
    if (isMissing(error, peer.packageName)) return false;
    throw error;
  }
}

/**
 * Checks every peer of `peers` at once and throws one error naming all that are missing, so that a user installs
 * them with one command rather than one per attempt.
 * @param isPresent how a peer is looked for (default: isInstalled, which imports it)
 * @throws {SandboxDependencyError} listing every missing peer with its purpose, in the order of `peers`, and the one
 *   `npm install --save-dev ...` line; `packageName` is the first of them
 * @example await checkSandboxPeers(sandboxPeersFor({ databaseUrl })); // throws naming e.g. fastify, ajv and pg
 */
export async function checkSandboxPeers(
  peers: readonly SandboxPeer[],
  isPresent: (peer: SandboxPeer) => Promise<boolean> = isInstalled,
): Promise<void> {
  const present = await Promise.all(peers.map((peer) => isPresent(peer)));
  const missing = peers.filter((_, i) => !present[i]);
  if (missing.length > 0)
    throw new SandboxDependencyError(missing.map(({ packageName, purpose }) => ({ packageName, purpose })));
}

/**
 * The Ajv validators of the specs (src/validator-cache.ts), imported on first use so that importing the sandbox
 * needs neither ajv nor ajv-formats.
 * @throws {SandboxDependencyError} naming ajv or ajv-formats when one is not installed
 * @example const { validatorFor } = await loadSpecValidators(); validatorFor(sandboxSpecs.identity, 'identity');
 */
export function loadSpecValidators(): Promise<typeof import('../validator-cache.js')> {
  // Nested so that either missing package is named: the inner call names ajv-formats, the outer one ajv.
  return loadOptional('ajv', SANDBOX_PEERS.ajv.purpose, () =>
    loadOptional('ajv-formats', SANDBOX_PEERS['ajv-formats'].purpose, () => import('../validator-cache.js')),
  );
}
