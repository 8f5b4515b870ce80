// Global setup of the `sandbox-postgres` project: one throwaway PostgreSQL server (Debian's package, a temporary
// folder, 127.0.0.1 on a free port) for every sandbox behaviour file of the run, stopped and deleted after it.
// Each file's sandbox registers credentials of its own, and a credential is a tenant, so the files share the
// database without seeing each other's rows.
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the run's PostgreSQL server; absent in projects that run on the embedded store. */
    sandboxDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startPostgres();
  project.provide('sandboxDatabaseUrl', postgres.url);
  return () => postgres.stop();
}
