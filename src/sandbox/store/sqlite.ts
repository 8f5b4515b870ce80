// The embedded store: SQLite compiled to WebAssembly (sql.js), in memory, or persisted in a folder.
//
// Why sql.js (measured on this 2-core machine, see the issue-12 report): it opens in well under the one second
// the sandbox may add to `npm start`, installs without a native build, and speaks the SQL the PostgreSQL store
// speaks. It keeps the whole database in memory and persists only by exporting the whole file: with a data
// folder, every write is exported and written atomically (temporary file, fsync, rename) before the write is
// acknowledged, so a restart loses no acknowledged write; concurrent writes share one export (group commit). sql.js is synchronous and single-connection: the
// operations of this store are queued one at a time, which also makes each transaction serializable.
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { loadPeer } from '../peers.js';
import { lockDataDir } from './data-dir-lock.js';
import { SCHEMA } from './tables.js';
import { type Queryable, type Row, type SandboxStore, UniqueViolationError } from './types.js';

const FILE_NAME = 'sandbox.sqlite';

async function loadSqlJs(): Promise<SqlJsStatic> {
  const module = await loadPeer('sql.js');
  const init = (module as unknown as { default: (config?: object) => Promise<SqlJsStatic> }).default;
  return init();
}

/**
 * The store's `$n` parameters as SQLite's `?n`: SQLite binds `?NNN` at index NNN, so values bind by position (an
 * array). Bound by name, sql.js would copy each parameter's name into WebAssembly memory and look it up on every
 * query. The SQL of this store holds no `$` elsewhere (no string literals with one).
 */
const positional = (text: string) => text.replace(/\$(\d+)/g, '?$1');

function bindable(params: readonly unknown[]): (string | number | null)[] {
  const values: (string | number | null)[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const value = params[i];
    if (value === undefined || value === null) values[i] = null;
    else if (typeof value === 'boolean') values[i] = value ? 1 : 0;
    else if (typeof value === 'number' || typeof value === 'string') values[i] = value;
    else throw new TypeError(`store parameter $${i + 1} must be a string, a number, a boolean or null`);
  }
  return values;
}

/** Bounds of the read memo (see openSqliteStore): answers kept, and characters of keys and values kept. */
const MEMO_ENTRIES = 1024;
const MEMO_CHARS = 4 * 1024 * 1024;

/** The memo's key of a read: its text and each bound value, length-prefixed so that no two reads share a key. */
function memoKey(text: string, values: readonly (string | number | null)[]): string {
  let key = `${text.length}:${text}`;
  for (const value of values) {
    key +=
      value === null ? '\u0000z' : typeof value === 'number' ? `\u0000n${value}` : `\u0000s${value.length}:${value}`;
  }
  return key;
}

function translateError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const unique = /UNIQUE constraint failed: (.+)$/.exec(message);
  return unique ? new UniqueViolationError(unique[1]!, { cause: error }) : error;
}

/** Writes `bytes` to `file` so that a crash leaves either the old file or the new one, never a torn one. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  const dir = await open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

export interface SqliteStoreOptions {
  /** A folder to persist the database in (created if missing); without it the store lives in memory. */
  dataDir?: string;
}

/** Opens the embedded store; with `dataDir`, reopens the database a previous run left there. */
export async function openSqliteStore(options: SqliteStoreOptions = {}): Promise<SandboxStore> {
  const SQL = await loadSqlJs();
  const file = options.dataDir ? path.join(path.resolve(options.dataDir), FILE_NAME) : undefined;
  let db: Database;
  let unlock = async () => {};
  // Set if the data folder's lock is lost while this store runs: another sandbox may own the folder now, so this
  // one refuses every write rather than overwrite that one's.
  let lockLost: Error | undefined;
  if (file) {
    await mkdir(path.dirname(file), { recursive: true });
    unlock = await lockDataDir(path.dirname(file), (error) => {
      lockLost = error;
    });
    let existing: Uint8Array | undefined;
    try {
      existing = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        await unlock();
        throw error;
      }
    }
    db = existing ? new SQL.Database(existing) : new SQL.Database();
  } else {
    db = new SQL.Database();
  }

  /** A prepared statement, its column names (read once, not per row) and whether it only reads. */
  interface Prepared {
    statement: Statement;
    columns: string[];
    reads: boolean;
  }
  const statements = new Map<string, Prepared>();
  const prepare = (text: string): Prepared => {
    let prepared = statements.get(text);
    if (!prepared) {
      const statement = db.prepare(positional(text));
      prepared = { statement, columns: statement.getColumnNames(), reads: /^\s*select\b/i.test(text) };
      statements.set(text, prepared);
    }
    return prepared;
  };
  const run = (prepared: Prepared, values: (string | number | null)[]): Row[] => {
    const { statement, columns } = prepared;
    try {
      statement.bind(values);
      const rows: Row[] = [];
      while (statement.step()) {
        const values = statement.get();
        const row: Row = {};
        for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
        rows.push(row);
      }
      return rows;
    } catch (error) {
      throw translateError(error);
    } finally {
      statement.reset();
    }
  };
  // One operation at a time: sql.js has one connection, and a transaction must not interleave with another.
  let queue: Promise<unknown> = Promise.resolve();
  // Operations queued or running: while there is none, a single statement runs at once (sql.js is synchronous, so
  // nothing can interleave with it) instead of waiting for the queue's turn.
  let pending = 0;
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    pending += 1;
    const next = queue.then(work, work).finally(() => {
      pending -= 1;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  // The read memo: the answer of a read that found at most one row (a lookup by key, or a miss), kept until the next
  // write. This process is the database's only user (one connection, EXCLUSIVE lock), so an answer stays true until
  // a write runs here, and every write (any statement that is not a SELECT, any transaction) empties the memo before
  // it runs. A repeated lookup (a partner polling one identity's KYC status) then skips the WebAssembly round trip
  // (bind, step, decode the row, reset): the largest cost left on GET /identities/{id} in a CPU profile. Bounded in
  // entries and in characters. The memo keeps its own copy of each row and hands out copies, so that rows stay plain
  // writable objects (as the PostgreSQL store's are) and a caller's change reaches no later answer.
  const memo = new Map<string, { rows: Row[]; chars: number }>();
  let memoChars = 0;
  const forget = () => {
    memo.clear();
    memoChars = 0;
  };
  const remember = (key: string, rows: Row[]) => {
    let chars = key.length;
    for (const row of rows) {
      for (const value of Object.values(row)) chars += typeof value === 'string' ? value.length : 8;
    }
    if (chars > MEMO_CHARS) return;
    while (memo.size >= MEMO_ENTRIES || memoChars + chars > MEMO_CHARS) {
      const oldest = memo.keys().next().value as string;
      memoChars -= memo.get(oldest)!.chars;
      memo.delete(oldest);
    }
    memo.set(key, { rows, chars });
    memoChars += chars;
  };
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new Error('the sandbox store is closed');
  };

  // Group commit: each write bumps `written`; a write is acknowledged once a flush that exported the database at or
  // after it is on disk. Concurrent writers share one export and one fsync instead of queueing one each.
  let written = 0;
  let persisted = 0;
  let flushing: Promise<void> | undefined;
  const flush = async () => {
    if (lockLost) {
      throw new Error(
        `the lock of the data folder ${path.dirname(file!)} was lost (${lockLost.message}): this sandbox stopped writing there`,
      );
    }
    // export() closes and reopens the database, which frees every prepared statement: it runs in the queue.
    const { bytes, upTo } = await serially(async () => {
      const exported = { bytes: db.export(), upTo: written };
      statements.clear();
      tune();
      return exported;
    });
    await writeAtomically(file!, bytes);
    persisted = Math.max(persisted, upTo);
  };
  const durable = async (write: number): Promise<void> => {
    if (!file) return;
    while (persisted < write) {
      flushing ??= flush().finally(() => {
        flushing = undefined;
      });
      await flushing;
    }
  };

  // sql.js keeps the database as a file of its in-memory file system, so in SQLite's default locking mode every
  // read transaction looks for a hot journal file first: a file-system lookup on every query, a third of a GET's CPU
  // time in a profile. This process is the file's only user, so it keeps the lock (EXCLUSIVE) and the rollback
  // journal in memory; durability comes from exporting the whole file after each commit, not from the journal.
  // export() reopens the database, which forgets these settings: the flush applies them again.
  const tune = () => {
    db.run('PRAGMA locking_mode = EXCLUSIVE');
    db.run('PRAGMA journal_mode = MEMORY');
  };
  tune();
  for (const statement of SCHEMA) db.run(statement);
  written += 1;
  await durable(written);

  const store: SandboxStore = {
    kind: file ? 'file' : 'memory',
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const statement = (): { rows: Row[]; write: number } => {
        assertOpen();
        const prepared = prepare(text);
        const values = bindable(params);
        if (!prepared.reads) {
          forget();
          return { rows: run(prepared, values), write: ++written };
        }
        const key = memoKey(text, values);
        const known = memo.get(key);
        if (known) return { rows: known.rows.map((row) => ({ ...row })), write: 0 };
        const found = run(prepared, values);
        if (found.length <= 1)
          remember(
            key,
            found.map((row) => ({ ...row })),
          );
        return { rows: found, write: 0 };
      };
      const { rows, write } = pending === 0 ? statement() : await serially(async () => statement());
      if (write) await durable(write);
      return rows as T[];
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const { result, write } = await serially(async () => {
        assertOpen();
        // Nothing else runs until the transaction ends (the queue), and its own reads do not use the memo.
        forget();
        db.run('BEGIN IMMEDIATE');
        const tx: Queryable = {
          query: async <R extends Row>(text: string, params: readonly unknown[] = []) =>
            run(prepare(text), bindable(params)) as R[],
        };
        try {
          const value = await work(tx);
          db.run('COMMIT');
          return { result: value, write: ++written };
        } catch (error) {
          db.run('ROLLBACK');
          throw error;
        }
      });
      await durable(write);
      return result;
    },
    close: () =>
      serially(async () => {
        if (closed) return;
        closed = true;
        forget();
        for (const { statement } of statements.values()) statement.free();
        statements.clear();
        db.close();
        await unlock();
      }),
  };
  return store;
}
