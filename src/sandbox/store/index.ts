// Chooses the store: PostgreSQL when a connection string is given, else the embedded sql.js store (in memory, or
// persisted in a data folder).
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { SandboxStore } from './types.js';

export type { Queryable, Row, SandboxStore } from './types.js';
export { UniqueViolationError } from './types.js';

export interface StoreOptions {
  /** PostgreSQL connection string (DATABASE_URL). Wins over `dataDir`. */
  databaseUrl?: string;
  /** Folder for the embedded store's file (SANDBOX_DATA_DIR); in memory without it. */
  dataDir?: string;
}

export function openStore(options: StoreOptions = {}): Promise<SandboxStore> {
  if (options.databaseUrl) return openPostgresStore({ connectionString: options.databaseUrl });
  return openSqliteStore(options.dataDir ? { dataDir: options.dataDir } : {});
}
