// One sandbox at a time per data folder. The embedded store keeps the whole database in memory and writes the whole
// file on every write, so two stores on one folder (two processes, or two in one process) would each overwrite the
// other's acknowledged writes: the last export wins. A lock file, created exclusively (O_EXCL) and naming its
// process, makes the second opener fail at start instead. A lock left by a process that no longer runs (killed
// before it could remove it) is taken over.
import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'sandbox.lock';

/** Thrown when another live sandbox holds the data folder. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/** Whether a process with this id runs (signal 0 checks without sending; EPERM means it runs as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this store: creates `<dir>/sandbox.lock` holding this process's id.
 * @param dir the data folder, which must exist
 * @returns a function that releases the lock (removes the file); calling it twice is harmless
 * @throws {DataDirInUseError} naming the folder and the process when a running process holds it (this one included)
 * @example const release = await lockDataDir('/var/lib/sandbox'); try { ... } finally { await release(); }
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid > 0 && running(pid)) {
      const who = pid === process.pid ? 'another store of this process' : `process ${pid}`;
      throw new DataDirInUseError(
        `the data folder ${dir} is in use by ${who}: the embedded store has one writer. Stop that sandbox, give ` +
          'this one another folder, or let several processes share one PostgreSQL database (DATABASE_URL).',
      );
    }
    // A stale lock (its process is gone, or the file is unreadable): remove it and try once more.
    await unlink(file).catch(() => undefined);
  }
  throw new DataDirInUseError(`the data folder ${dir}: could not take its lock file ${LOCK_FILE}`);
}
