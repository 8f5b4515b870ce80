// The PostgreSQL store (`pg`), chosen with DATABASE_URL: several sandbox processes then serve one data set.
// Transactions run on one pooled client; constraints are the database's, so two processes can never both
// accept the same email or start the same sync session.
import type { Pool, PoolClient } from 'pg';
import { loadPeer } from '../peers.js';
import { SCHEMA } from './tables.js';
import { type Queryable, type Row, type SandboxStore, UniqueViolationError } from './types.js';

// Any fixed number: taken while the tables are created, so that processes starting together do not race on
// CREATE TABLE IF NOT EXISTS (which is not safe under concurrency in PostgreSQL).
const SCHEMA_LOCK = 0x6b7963;

function translateError(error: unknown): unknown {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (e?.code === '23505')
    return new UniqueViolationError(typeof e.constraint === 'string' ? e.constraint : 'unique', { cause: error });
  return error;
}

async function run<T extends Row>(
  client: Pool | PoolClient,
  text: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  try {
    const result = await client.query(text, params as unknown[]);
    return result.rows as T[];
  } catch (error) {
    throw translateError(error);
  }
}

export interface PostgresStoreOptions {
  /** A PostgreSQL connection string, e.g. `postgres://user:password@127.0.0.1:5432/db`. */
  connectionString: string;
  /** Pool size per process (default 10). */
  maxConnections?: number;
}

/** Connects to PostgreSQL and creates the sandbox's tables if they do not exist yet. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<SandboxStore> {
  const pg = await loadPeer('pg');
  const PoolClass =
    (pg as unknown as { default?: { Pool: typeof Pool }; Pool?: typeof Pool }).default?.Pool ??
    (pg as { Pool: typeof Pool }).Pool;
  const pool = new PoolClass({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  // An idle client losing its connection must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw new Error(
      `DATABASE_URL: cannot connect to PostgreSQL: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    for (const statement of SCHEMA) await client.query(statement);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
    client.release();
  }

  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    async transaction(work) {
      const tx = await pool.connect();
      try {
        await tx.query('BEGIN');
        const result = await work({ query: (text, params) => run(tx, text, params) });
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        tx.release();
      }
    },
    close: () => pool.end(),
  };
}
