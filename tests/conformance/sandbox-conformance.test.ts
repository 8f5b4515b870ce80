// The conformance run of CI against this package's stateful sandbox: the CI seed and budget of the mock run, plus the
// stateful checks (a created identity or user reads back, a deleted identity answers 404). The sandbox must pass
// every check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary } from '../../scripts/conformance/report.mjs';
import { type ConformanceResult, runConformance } from '../../scripts/conformance/runner.mjs';
import { apiTarget } from '../../scripts/conformance/targets.mjs';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { CI_REQUESTS_PER_OPERATION, CI_SEED, CI_TIME_CAP_MS } from './support/ci-budget.js';

let sandbox: Sandbox;
let result: ConformanceResult;

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', portablPort: 0, identityPort: 0 });
  const client = sandbox.credentials.portabl[0]!;
  const behaviour = { wrongCredentials: true, stateful: true };
  const apis = [
    await apiTarget(
      'portabl',
      sandbox.urls.portabl,
      { clientId: client.clientId, clientSecret: client.clientSecret },
      behaviour,
    ),
    await apiTarget('identity', sandbox.urls.identity, { apiKey: sandbox.credentials.identity[0]!.apiKey }, behaviour),
  ];
  result = await runConformance({
    apis,
    seed: CI_SEED,
    requestsPerOperation: CI_REQUESTS_PER_OPERATION,
    timeCapMs: CI_TIME_CAP_MS,
  });
  console.log(formatSummary(result));
});

afterAll(async () => {
  await sandbox?.close();
});

describe('conformance of the sandbox (seed 20261130, 10 requests per operation and kind)', () => {
  it('passes every check, the stateful ones included', () => {
    expect(result.failures, formatSummary(result)).toEqual([]);
    expect(result.interrupted).toBe(false);
    for (const [check, { requests }] of Object.entries(result.checks)) expect(requests, check).toBeGreaterThan(0);
    expect(result.checks['use_after_free']!.requests).toBeGreaterThanOrEqual(5);
    expect(result.checks['ensure_resource_availability']!.requests).toBeGreaterThanOrEqual(10);
    expect(formatSummary(result).split('\n').at(-1)).toBe('10 passed, 0 failed');
  });

  it('judged made-up credentials too, and sent requests to the sandbox only', () => {
    const origins = new Set(result.exchanges.map((e) => new URL(e.request.url).origin));
    expect([...origins].sort()).toEqual(
      [new URL(sandbox.urls.portabl).origin, new URL(sandbox.urls.identity).origin].sort(),
    );
    const madeUp = result.exchanges.filter((e) =>
      e.request.headers.some(
        (h) => h.value === 'conformance-made-up-api-key' || h.value === 'Bearer conformance-made-up-token',
      ),
    );
    expect(madeUp.length).toBeGreaterThan(20);
    expect(new Set(madeUp.map((e) => e.response.status))).toEqual(new Set([401]));
  });
});
