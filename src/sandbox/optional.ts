// The sandbox's server dependencies (fastify, jose, qs, sql.js, proper-lockfile, pg) are optional peer dependencies
// of the package, so that teams who only use the clients never download them. Each is imported on first use through
// here, and a missing one becomes an error that names the package and the command that installs it.

/** A package the sandbox needs is not installed. */
export class SandboxDependencyError extends Error {
  override readonly name = 'SandboxDependencyError';
  constructor(
    readonly packageName: string,
    purpose: string,
  ) {
    super(
      `the sandbox needs the package "${packageName}" (${purpose}), which is not installed: ` +
        `npm install --save-dev ${packageName} (see kyc-contracts' peerDependencies for the tested version)`,
    );
  }
}

function isMissing(error: unknown, packageName: string): boolean {
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
 */
export async function loadOptional<T>(packageName: string, purpose: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissing(error, packageName)) throw new SandboxDependencyError(packageName, purpose);
    throw error;
  }
}
