// The sandbox's tables, in SQL both SQLite and PostgreSQL accept. A resource is stored as JSON text in `doc`;
// the columns beside it are the ones a constraint or a lookup needs. Every table is keyed by tenant first: a
// tenant never reads another tenant's rows, so a foreign id is indistinguishable from an unknown one.
export const SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS identities (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    email_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant, id),
    CONSTRAINT identities_email_unique UNIQUE (tenant, email_key)
  )`,
  `CREATE TABLE IF NOT EXISTS portabl_users (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant, id)
  )`,
  `CREATE TABLE IF NOT EXISTS sync_sessions (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    started_at TEXT,
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant, id)
  )`,
];
