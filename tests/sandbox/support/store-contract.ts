// What every sandbox store must do, as one suite run against each store (the embedded sql.js store in memory and in a
// folder, and PostgreSQL): the same SQL, constraints enforced by the database, transactions that commit or roll back
// whole, and a conditional UPDATE that lets exactly one of many concurrent writers through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxStore, UniqueViolationError } from '../../../src/sandbox/store/index.js';

export function describeStoreContract(name: string, open: () => Promise<SandboxStore>): void {
  describe(`store contract: ${name}`, () => {
    let store: SandboxStore;
    const tenant = `store-contract-${Math.random().toString(36).slice(2)}`;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store.close());

    const insertIdentity = (q: { query: SandboxStore['query'] }, id: string, email: string) =>
      q.query('INSERT INTO identities (tenant, id, email_key, created_at, doc) VALUES ($1, $2, $3, $4, $5)', [
        tenant,
        id,
        email,
        '2030-01-01T00:00:00.000Z',
        JSON.stringify({ id, email }),
      ]);

    it('stores and reads back rows, parameters bound in order', async () => {
      await insertIdentity(store, 'a', 'a@example.com');
      const rows = await store.query<{ id: string; doc: string }>(
        'SELECT id, doc FROM identities WHERE tenant = $1 AND id = $2',
        [tenant, 'a'],
      );
      expect(rows).toEqual([{ id: 'a', doc: JSON.stringify({ id: 'a', email: 'a@example.com' }) }]);
    });

    it('refuses a second row with one (tenant, email) as a UniqueViolationError naming the email constraint', async () => {
      await insertIdentity(store, 'b', 'b@example.com');
      const error = await insertIdentity(store, 'c', 'b@example.com').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UniqueViolationError);
      expect((error as UniqueViolationError).constraint).toMatch(/email/);
      expect(await store.query('SELECT id FROM identities WHERE tenant = $1 AND id = $2', [tenant, 'c'])).toEqual([]);
    });

    it('upserts with ON CONFLICT ... DO UPDATE', async () => {
      const upsert = (doc: string) =>
        store.query(
          'INSERT INTO portabl_users (tenant, id, created_at, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant, id) DO UPDATE SET doc = excluded.doc',
          [tenant, 'u', 'now', doc],
        );
      await upsert('{"v":1}');
      await upsert('{"v":2}');
      expect(await store.query('SELECT doc FROM portabl_users WHERE tenant = $1', [tenant])).toEqual([
        { doc: '{"v":2}' },
      ]);
    });

    it('rolls a transaction back whole when its work throws, and commits it whole otherwise', async () => {
      await expect(
        store.transaction(async (tx) => {
          await insertIdentity(tx, 'r1', 'r1@example.com');
          throw new Error('abandon');
        }),
      ).rejects.toThrow('abandon');
      expect(await store.query('SELECT id FROM identities WHERE tenant = $1 AND id = $2', [tenant, 'r1'])).toEqual([]);
      await store.transaction(async (tx) => {
        await insertIdentity(tx, 'c1', 'c1@example.com');
        await insertIdentity(tx, 'c2', 'c2@example.com');
      });
      expect(
        await store.query('SELECT id FROM identities WHERE tenant = $1 AND id IN ($2, $3) ORDER BY id', [
          tenant,
          'c1',
          'c2',
        ]),
      ).toEqual([{ id: 'c1' }, { id: 'c2' }]);
    });

    it('lets exactly one of 50 concurrent inserts with one email through', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          store.transaction((tx) => insertIdentity(tx, `race-${i}`, 'race@example.com')),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof UniqueViolationError)).toHaveLength(
        49,
      );
    });

    it('lets exactly one of 20 concurrent conditional updates change a row (a sync session starts once)', async () => {
      await store.query(
        'INSERT INTO sync_sessions (tenant, id, user_id, started_at, doc) VALUES ($1, $2, $3, NULL, $4)',
        [tenant, 's', 'u', '{}'],
      );
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.query(
            'UPDATE sync_sessions SET started_at = $1 WHERE tenant = $2 AND id = $3 AND started_at IS NULL RETURNING id',
            [`t${i}`, tenant, 's'],
          ),
        ),
      );
      expect(results.filter((rows) => rows.length === 1)).toHaveLength(1);
    });

    // The embedded store answers a repeated lookup from memory until the next write: every kind of write must show.
    it('answers a repeated read with every write made since: update, delete, insert, committed and rolled-back transactions', async () => {
      const read = () =>
        store.query<{ doc: string }>('SELECT doc FROM identities WHERE tenant = $1 AND id = $2', [tenant, 'm']);
      expect(await read()).toEqual([]);
      expect(await read()).toEqual([]);
      await insertIdentity(store, 'm', 'm@example.com');
      expect(await read()).toEqual([{ doc: JSON.stringify({ id: 'm', email: 'm@example.com' }) }]);
      expect(await read()).toEqual([{ doc: JSON.stringify({ id: 'm', email: 'm@example.com' }) }]);
      await store.query('UPDATE identities SET doc = $1 WHERE tenant = $2 AND id = $3', ['{"v":1}', tenant, 'm']);
      expect(await read()).toEqual([{ doc: '{"v":1}' }]);
      await store.transaction((tx) =>
        tx.query('UPDATE identities SET doc = $1 WHERE tenant = $2 AND id = $3', ['{"v":2}', tenant, 'm']),
      );
      expect(await read()).toEqual([{ doc: '{"v":2}' }]);
      await expect(
        store.transaction(async (tx) => {
          await tx.query('UPDATE identities SET doc = $1 WHERE tenant = $2 AND id = $3', ['{"v":3}', tenant, 'm']);
          expect(await tx.query('SELECT doc FROM identities WHERE tenant = $1 AND id = $2', [tenant, 'm'])).toEqual([
            { doc: '{"v":3}' },
          ]);
          throw new Error('abandon');
        }),
      ).rejects.toThrow('abandon');
      expect(await read()).toEqual([{ doc: '{"v":2}' }]);
      await store.query('DELETE FROM identities WHERE tenant = $1 AND id = $2', [tenant, 'm']);
      expect(await read()).toEqual([]);
    });

    it('keeps reads with different values apart, and a caller changing an answer does not change the next one', async () => {
      await insertIdentity(store, 'k1', 'k1@example.com');
      await insertIdentity(store, 'k2', 'k2@example.com');
      const read = (id: string) =>
        store.query<{ id: string }>('SELECT id FROM identities WHERE tenant = $1 AND id = $2', [tenant, id]);
      expect(await read('k1')).toEqual([{ id: 'k1' }]);
      expect(await read('k2')).toEqual([{ id: 'k2' }]);
      const first = await read('k1');
      first.pop();
      expect(await read('k1')).toEqual([{ id: 'k1' }]);
      // Rows are plain, writable objects on every store; changing one changes no later answer.
      const [row] = await read('k1');
      row!.id = 'changed by the caller';
      expect(await read('k1')).toEqual([{ id: 'k1' }]);
      expect(await read('k1 ')).toEqual([]);
    });

    it('deletes with RETURNING, once', async () => {
      await insertIdentity(store, 'd', 'd@example.com');
      expect(
        await store.query('DELETE FROM identities WHERE tenant = $1 AND id = $2 RETURNING id', [tenant, 'd']),
      ).toEqual([{ id: 'd' }]);
      expect(
        await store.query('DELETE FROM identities WHERE tenant = $1 AND id = $2 RETURNING id', [tenant, 'd']),
      ).toEqual([]);
    });
  });
}
