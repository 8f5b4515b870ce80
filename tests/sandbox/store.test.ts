// The store contract suite against the embedded store, in memory and persisted in a folder (the PostgreSQL run is in
// postgres.test.ts, which starts the server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/sandbox/store/index.js';
import { describeStoreContract } from './support/store-contract.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kyc-sandbox-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('embedded, in memory', () => openStore());
describeStoreContract('embedded, persisted in a folder', () => openStore({ dataDir: dir }));

describe('embedded store: repeated reads', () => {
  it('keeps apart reads whose values would read alike if joined with a separator', async () => {
    const store = await openStore();
    try {
      const insert = (tenant: string, id: string) =>
        store.query('INSERT INTO identities (tenant, id, email_key, created_at, doc) VALUES ($1, $2, $3, $4, $5)', [
          tenant,
          id,
          `${id}@example.com`,
          'now',
          JSON.stringify({ tenant, id }),
        ]);
      const read = (tenant: string, id: string) =>
        store.query<{ doc: string }>('SELECT doc FROM identities WHERE tenant = $1 AND id = $2', [tenant, id]);
      await insert('t\u0000x', 'y');
      expect(await read('t\u0000x', 'y')).toEqual([{ doc: JSON.stringify({ tenant: 't\u0000x', id: 'y' }) }]);
      expect(await read('t', 'x\u0000y')).toEqual([]);
      await insert('t', 'x\u0000y');
      expect(await read('t', 'x\u0000y')).toEqual([{ doc: JSON.stringify({ tenant: 't', id: 'x\u0000y' }) }]);
      expect(await read('t\u0000x', 'y')).toEqual([{ doc: JSON.stringify({ tenant: 't\u0000x', id: 'y' }) }]);
    } finally {
      await store.close();
    }
  });
});
