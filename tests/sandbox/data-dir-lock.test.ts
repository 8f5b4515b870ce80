// SANDBOX_DATA_DIR has one writer: a second sandbox on the same folder would overwrite the first one's acknowledged
// writes (each exports the whole database), so it is refused at start, naming the folder and the process.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/sandbox/store/data-dir-lock.js';
import { openSqliteStore } from '../../src/sandbox/store/sqlite.js';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kyc-sandbox-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('one embedded store per data folder', () => {
  it('refuses a second store on a folder in use, naming the folder and the way out', async () => {
    const dir = folder();
    const first = await openSqliteStore({ dataDir: dir });
    try {
      await expect(openSqliteStore({ dataDir: dir })).rejects.toThrow(
        `the data folder ${dir} is in use by another store of this process`,
      );
      await expect(openSqliteStore({ dataDir: dir })).rejects.toThrow('DATABASE_URL');
    } finally {
      await first.close();
    }
  });

  it('frees the folder when the store closes: the next store opens it, and no lock file stays', async () => {
    const dir = folder();
    await (await openSqliteStore({ dataDir: dir })).close();
    const second = await openSqliteStore({ dataDir: dir });
    expect(readdirSync(dir)).toContain(LOCK_FILE);
    await second.close();
    expect(readdirSync(dir)).not.toContain(LOCK_FILE);
  });

  it('takes over a lock left by a process that no longer runs (killed before it could remove it)', async () => {
    const dir = folder();
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    writeFileSync(path.join(dir, LOCK_FILE), `${child.pid}\n`);
    const store = await openSqliteStore({ dataDir: dir });
    await store.close();
  });
});
