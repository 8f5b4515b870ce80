// SANDBOX_DATA_DIR has one writer: a second sandbox on the same folder would overwrite the first one's acknowledged
// writes (each exports the whole database), so it is refused at start, naming the folder and the way out.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_NAME, STALE_MS } from '../../src/sandbox/store/data-dir-lock.js';
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
      const second = openSqliteStore({ dataDir: dir });
      await expect(second).rejects.toThrow(`the data folder ${dir} is in use by another sandbox`);
      await expect(openSqliteStore({ dataDir: dir })).rejects.toThrow('DATABASE_URL');
    } finally {
      await first.close();
    }
  });

  it('frees the folder when the store closes: the next store opens it, and no lock stays', async () => {
    const dir = folder();
    await (await openSqliteStore({ dataDir: dir })).close();
    const second = await openSqliteStore({ dataDir: dir });
    expect(readdirSync(dir)).toContain(LOCK_NAME);
    await second.close();
    expect(readdirSync(dir)).not.toContain(LOCK_NAME);
  });

  it('takes over a lock nobody refreshed for longer than the stale time (left by a killed sandbox)', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, LOCK_NAME));
    const before = new Date(Date.now() - 2 * STALE_MS);
    utimesSync(path.join(dir, LOCK_NAME), before, before);
    const store = await openSqliteStore({ dataDir: dir });
    await store.close();
  });

  it('refuses a fresh lock whatever process id left it (process ids are reused, in containers every time)', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, LOCK_NAME));
    await expect(openSqliteStore({ dataDir: dir })).rejects.toThrow(`counts as stale ${STALE_MS / 1000} s after`);
  });
});
