import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './tests/support/slow-first.sequencer.js';

// Four projects so that each concern gets the setup it needs and nothing more:
// - unit: specs, schemas, pipeline, transport, the packed package and the sandbox on its embedded store. The type
//   tests (tests/types/*.test-d.ts: expectTypeOf, @ts-expect-error) are compiled by tests/pipeline/typescript.test.ts
//   in its whole-project tsc run, which fails naming each broken expectation; vitest's typecheck mode compiled
//   them a second time, in a group of its own that always ran last, alone on one core;
// - sandbox-postgres: the sandbox's behaviour files again, on a PostgreSQL server its global setup starts;
// - contract: the clients against Prism mocks (or a real deployment), with a global setup that starts the mocks;
// - docs: the built HTML pages in a real browser.
export default defineConfig({
  test: {
    reporters: ['default'],
    // Vitest defaults to cores - 1 workers: one on this 2-core machine. The slow tests mostly wait on child
    // processes (tsc, Redocly, Spectral, npm, Chromium), so three files at a time use both cores better.
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/support/fresh-bundles.setup.ts'],
          // These files share no mutable state, and re-importing Ajv, the bundles and the clients for every file
          // was a third of the suite's CPU time on two cores.
          isolate: false,
          exclude: ['tests/contract/**', 'tests/docs/**', 'tests/sandbox/postgres.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The sandbox's behaviour files again, on one PostgreSQL server the global setup starts for the run (unit
        // runs them on the embedded store). The hostile-request file stays embedded-only: it judges request
        // checks that run before any store is touched.
        test: {
          name: 'sandbox-postgres',
          include: ['tests/sandbox/*.test.ts'],
          exclude: [
            'tests/sandbox/hostile-requests.test.ts',
            // These name their own store (a data folder, the store contract of the embedded store) or start processes.
            'tests/sandbox/persistence.test.ts',
            'tests/sandbox/data-dir-lock.test.ts',
            'tests/sandbox/store.test.ts',
            'tests/sandbox/command.test.ts',
            'tests/sandbox/credentials.test.ts',
            // Which packages the sandbox needs: no store is touched.
            'tests/sandbox/missing-peers.test.ts',
          ],
          globalSetup: ['tests/sandbox/support/postgres.setup.ts'],
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.test.ts'],
          globalSetup: ['tests/contract/global-setup.ts'],
          // Prism's modules are heavy to import; every file here starts and stops its own servers and only
          // operations.test.ts records exercised pairs, so the files can share a module cache.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'docs',
          include: ['tests/docs/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
