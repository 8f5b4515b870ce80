// The sandbox's server dependencies (fastify, qs, jose, ajv, ajv-formats, sql.js, proper-lockfile, pg) are optional
// peer dependencies of the package, so that teams who only use the clients never download them; peers.ts lists them
// with what each is for. startSandbox checks every one its configuration needs before it opens anything, so that a
// user missing several learns of all of them at once (one install line), not one per attempt; each is then imported
// on first use through loadOptional, which turns a missing one into the same error.

/** A package the sandbox needs, and what for. */
export interface MissingPackage {
  packageName: string;
  /** What the sandbox uses it for, e.g. `the sandbox HTTP server`. */
  purpose: string;
}

function normalize(missing: string | readonly MissingPackage[], purpose: string): MissingPackage[] {
  const list = typeof missing === 'string' ? [{ packageName: missing, purpose }] : [...missing];
  if (list.length === 0) throw new RangeError('SandboxDependencyError needs at least one missing package');
  return list;
}

function describe(list: readonly MissingPackage[]): string {
  const install = `npm install --save-dev ${list.map((p) => p.packageName).join(' ')}`;
  const peers = "(see @kyc-contracts/sdk's peerDependencies for the tested versions)";
  if (list.length === 1) {
    const [only] = list as [MissingPackage];
    return `the sandbox needs the package "${only.packageName}" (${only.purpose}), which is not installed: ${install} ${peers}`;
  }
  const named = list.map((p) => `"${p.packageName}" (${p.purpose})`).join(', ');
  return `the sandbox needs ${list.length} packages that are not installed: ${named}. Install them with one command: ${install} ${peers}`;
}

/**
 * Packages the sandbox needs are not installed. The message names each with its purpose and ends with the one
 * `npm install --save-dev ...` line that installs them all.
 * @example
 * try {
 *   await startSandbox();
 * } catch (error) {
 *   if (error instanceof SandboxDependencyError) console.error(error.packageNames); // e.g. ['fastify', 'ajv']
 *   throw error;
 * }
 */
export class SandboxDependencyError extends Error {
  override readonly name = 'SandboxDependencyError';
  /** The first missing package (kept for callers written when the error named only one). */
  readonly packageName: string;
  /** Every missing package, in the order the sandbox lists its peers; never empty. */
  readonly packageNames: string[];
  /**
   * @param missing the missing packages with their purposes, or (the older form) one package's name
   * @param purpose with a single package name: what the sandbox needs it for
   * @throws {RangeError} when `missing` is an empty list
   */
  constructor(missing: string | readonly MissingPackage[], purpose = 'a sandbox feature') {
    const list = normalize(missing, purpose);
    super(describe(list));
    this.packageNames = list.map((p) => p.packageName);
    this.packageName = this.packageNames[0]!;
  }
}

/** Whether `error` is Node's (or a bundler's) "cannot find" for `packageName` itself, not for one of its dependencies. */
export function isMissing(error: unknown, packageName: string): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') &&
    typeof e.message === 'string' &&
    e.message.includes(`'${packageName}'`)
  );
}

/**
 * Runs `load` (a static `import('<package>')` expression, so that TypeScript types it) and turns a missing module
 * into a SandboxDependencyError naming `packageName`.
 * @throws {SandboxDependencyError} when `packageName` is not installed; any other failure of `load` as it is
 * @example const qs = await loadOptional('qs', 'deepObject query parsing', () => import('qs'));
 */
export async function loadOptional<T>(packageName: string, purpose: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissing(error, packageName)) throw new SandboxDependencyError(packageName, purpose);
    throw error;
  }
}
