// The min+gzip size of each client entry with its dependencies, as a front end or a lambda pays it (esbuild, the
// same measure as `npm run size` and `npm run bench`). Deterministic, so a budget, not a timing.
import { describe, expect, it } from 'vitest';
import { ENTRIES, kib, measureEntry } from '../../scripts/bench/entry-size.mjs';

// KiB of min+gzip code that loads with the entry; chunks behind `import()` (validation on demand) are not counted.
// Validation is excluded as the issue says, including decodeInvitation's check: its validator (compiled at build
// time, generated/portabl/validators/invitation.ts, with ajv-formats' format functions copied in) loads with the portabl
// entry because decodeInvitation is synchronous, so it is marked external here and measured apart below.
// The issue's goal is 6 KiB per entry; it is not reached. Measured (lean-client, 22:30 UTC), minified bytes of what
// identity loads (13.4 KiB min+gzip, 37.7 KiB minified): openapi-fetch 6.4 KiB (2.8 min+gzip alone), options.ts
// 4.5 (every option's check and message), the generated facts module 3.8, transport/fetch.ts 3.5 (deadline, retries,
// size limit, redirects), redaction.ts 3.2 (the echo-matching rule), path-parameters.ts 2.3, response-body.ts 1.8,
// retry-policy.ts 1.6, transport/errors.ts 1.6, errors.ts 1.5, paginate.ts 1.3, client-assembly.ts 1.2,
// filters.ts 1.0, the rest under 1 each. All of it serves every client: the option checks and the redaction rule
// run synchronously in the factory (and in `unwrap`), the transport and middleware on every call (behind `import()`
// they would only move to the first call, which this measure should then count), so 6 KiB means dropping behaviour.
// Portabl (15.1 KiB) adds its token manager (auth.ts 2.9) and a larger facts module (4.3). Budgets: measured plus ~0.4 KiB.
// Raised once, on purpose (15.5 -> 16.2, 14 -> 14.5): the call path moved out of openapi-fetch middleware into a
// wrapper of the client's methods, with bodies held once (transport/deferred-body.ts) and pooled abort controllers
// (transport/controller-pool.ts). That costs about 0.8 KiB min+gzip per entry (identity 14.2, portabl 15.9 KiB, with the break-it fixes) and took
// the per-call CPU over bare openapi-fetch from about 1.2x to about 1.06-1.12x (README, Benchmark). Since then the
// shorter path of a call no middleware sees, its break-it fixes (a held body read under the attempt's signal, its
// text checked against maxResponseBytes, text()/json() shared after the call) and dead code removed left the
// entries at 14.5 and 16.2 KiB (14,817 and 16,573 bytes), inside these budgets, which were not raised again.
const BUDGET_KIB: Record<string, number> = { portabl: 16.2, identity: 14.5 };
const VALIDATION = ['*/validators/invitation.js'];

describe('entry size budget (min+gzip, dependencies included)', () => {
  for (const name of Object.keys(BUDGET_KIB)) {
    it(`kyc-contracts/${name} stays within ${BUDGET_KIB[name]} KiB`, async () => {
      const entry: { name: string; source: string; external?: string[] } = ENTRIES.find((e) => e.name === name)!;
      const size = await measureEntry({ ...entry, external: [...(entry.external ?? []), ...VALIDATION] });
      const largest = Object.entries(size.inputs)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4);
      console.log(
        `kyc-contracts/${name}: ${kib(size.gzip)} min+gzip (${kib(size.minified)} minified; ${kib(size.lazyGzip)} on demand); largest: ${largest.map(([f, b]) => `${f.replace(/^.*node_modules\//, '')} ${kib(b)}`).join(', ')}`,
      );
      // The measure bundles dependencies: a figure without openapi-fetch in it would measure nothing useful.
      expect(Object.keys(size.inputs).some((f) => f.includes('node_modules/openapi-fetch/'))).toBe(true);
      expect(size.gzip / 1024).toBeLessThanOrEqual(BUDGET_KIB[name]!);
    });
  }
});

describe('validation stays out of the entries', () => {
  it('no client entry loads the bundled spec or an Ajv compiler', async () => {
    for (const name of Object.keys(BUDGET_KIB)) {
      const size = await measureEntry(ENTRIES.find((e) => e.name === name)!);
      const loaded = Object.keys(size.inputs);
      expect(
        loaded.filter((f) => /openapi\.json$|node_modules\/ajv\/dist\/(core|2020|compile)/.test(f)),
        name,
      ).toEqual([]);
    }
  });

  it('no client entry loads a CommonJS module at import (Ajv runtime helpers, ajv-formats: copied into the validators)', async () => {
    for (const name of Object.keys(BUDGET_KIB)) {
      const size = await measureEntry(ENTRIES.find((e) => e.name === name)!);
      const loaded = Object.keys(size.inputs);
      expect(
        loaded.filter((f) => /node_modules\/(ajv|ajv-formats|fast-deep-equal)\//.test(f)),
        name,
      ).toEqual([]);
    }
  });
});
