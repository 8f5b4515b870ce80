// Prints the min+gzip size of each entry point with all its dependencies bundled in (esbuild), the figure a team
// pays when it imports the client into a front end or a lambda. The measure lives in scripts/bench/entry-size.mjs,
// shared with `npm run bench` and tests/package/size-budget.test.ts.
import { ENTRIES, kib, measureEntry } from './bench/entry-size.mjs';

for (const entry of ENTRIES) {
  const size = await measureEntry(entry);
  console.log(
    `kyc-contracts/${entry.name}: ${kib(size.minified)} minified, ${kib(size.gzip)} min+gzip, ${kib(size.lazyGzip)} more on demand`,
  );
}
