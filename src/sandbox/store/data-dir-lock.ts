// One sandbox at a time per data folder. The embedded store keeps the whole database in memory and writes the whole
// file on every write, so two stores on one folder (two processes, or two in one process) would each overwrite the
// other's acknowledged writes: the last export wins. proper-lockfile's lock (an atomic mkdir, whose time its holder
// refreshes while it runs) makes the second opener fail at start instead. A lock whose holder stopped refreshing it
// for STALE_MS (a killed process) is stale and taken over; no process id is trusted, as containers reuse them.
import path from 'node:path';
import { loadPeer } from '../peers.js';

/** The lock's name inside the data folder (a directory proper-lockfile creates and removes). */
export const LOCK_NAME = 'sandbox.lock';
/** How long a lock may go unrefreshed before it counts as left by a stopped process, in ms (proper-lockfile's default). */
export const STALE_MS = 10_000;

/** Thrown when another running sandbox holds the data folder. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/**
 * Takes the data folder for one store.
 * @param dir the data folder, which must exist
 * @param onLost called if the lock is lost while held (its refresh failed, or it went stale and another process may
 *   have taken it): the store must stop writing
 * @returns a function that releases the lock; calling it twice is harmless
 * @throws {DataDirInUseError} naming the folder, when a running store (in this process or another) holds it
 * @throws {SandboxDependencyError} when the optional package proper-lockfile is not installed
 * @example const release = await lockDataDir('/var/lib/sandbox', (error) => stopWriting(error)); await release();
 */
export async function lockDataDir(dir: string, onLost: (error: Error) => void): Promise<() => Promise<void>> {
  const lockfile = await loadPeer('proper-lockfile');
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: path.join(dir, LOCK_NAME),
      realpath: false,
      stale: STALE_MS,
      onCompromised: onLost,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new DataDirInUseError(
      `the data folder ${dir} is in use by another sandbox: the embedded store has one writer. Stop that sandbox, ` +
        'give this one another folder, or let several processes share one PostgreSQL database (DATABASE_URL). If ' +
        `that sandbox was killed, its lock counts as stale ${STALE_MS / 1000} s after it stopped: start again then.`,
    );
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await release().catch(() => undefined);
  };
}
