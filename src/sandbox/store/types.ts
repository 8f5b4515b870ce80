// The one storage interface of the sandbox: plain SQL with `$1`-style parameters, in a dialect that SQLite
// (sql.js, the embedded store) and PostgreSQL (`pg`) both read. Every rule that must hold under concurrency
// (an email unique per tenant, a sync session started once) is a constraint or a conditional UPDATE in SQL,
// never a check-then-insert in JavaScript.

/** A row as the store answers it: column name → value (strings, numbers or null). */
export type Row = Record<string, unknown>;

/** Runs one statement. `params` fill `$1`, `$2`, ... in order. */
export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface SandboxStore extends Queryable {
  /** `memory`, `file` (sql.js persisted in a folder) or `postgres`. */
  readonly kind: 'memory' | 'file' | 'postgres';
  /**
   * Runs `work` in one transaction: committed (and, for the file store, written to disk) before the promise
   * resolves, rolled back if `work` throws.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A UNIQUE or PRIMARY KEY constraint refused a write; `constraint` names it when the database says. */
export class UniqueViolationError extends Error {
  override readonly name = 'UniqueViolationError';
  constructor(
    readonly constraint: string,
    options?: { cause?: unknown },
  ) {
    super(`unique constraint violated: ${constraint}`, options);
  }
}
