// The text a conformance run ends with: each failure (shrunk request as curl, the check it broke), one line per
// check, then the counts.
import { CHECK_NAMES } from './checks.mjs';

/**
 * @param {Awaited<ReturnType<typeof import('./runner.mjs').runConformance>>} result
 * @returns {string} lines ending in `N passed, N failed`
 * @example formatSummary(await runConformance({...})).split('\n').at(-1) // "7 passed, 1 failed"
 */
export function formatSummary(result) {
  const lines = [];
  if (result.failures.length > 0) {
    lines.push('Failures (each shrunk to its smallest request):');
    for (const f of result.failures) {
      lines.push(`  ✖ ${f.check}: ${f.api} ${f.operationId}: ${f.reason}`, `      ${f.curl}`);
    }
    lines.push('');
  }
  lines.push(
    `Checks (seed ${result.seed}, ${result.requests} requests in ${(result.elapsedMs / 1000).toFixed(1)} s${result.interrupted ? ', stopped by the time cap' : ''}):`,
  );
  let passed = 0;
  let failed = 0;
  const width = Math.max(...CHECK_NAMES.map((n) => n.length));
  for (const name of CHECK_NAMES) {
    const { requests, failed: failures } = result.checks[name];
    if (requests === 0) {
      lines.push(`  - ${name.padEnd(width)}  not run (no request it applies to)`);
      continue;
    }
    if (failures > 0) failed += 1;
    else passed += 1;
    lines.push(`  ${failures > 0 ? '✖' : '✔'} ${name.padEnd(width)}  ${requests} requests, ${failures} failed`);
  }
  lines.push(`${passed} passed, ${failed} failed`);
  return lines.join('\n');
}
