// The runner catches what it claims to catch: a server that follows the contract passes every check, and the same
// server with one fault injected fails the check aimed at that fault, reporting a shrunk request as curl.
import { afterEach, describe, expect, it } from 'vitest';
import { formatSummary } from '../../scripts/conformance/report.mjs';
import { type ConformanceResult, runConformance } from '../../scripts/conformance/runner.mjs';
import {
  type Fault,
  type FaultyServer,
  identityTarget,
  startFaultyIdentityServer,
} from './support/faulty-identity-server.js';

const ALL_OPERATIONS = ['createIdentity', 'getIdentity', 'deleteIdentity'];
const NOW = Date.UTC(2026, 0, 15);

let server: FaultyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * One run against a server with `fault` (none: the correct server), over `operations`. createIdentity brings the
 * stateful checks, which read and delete what they create (so a fault in reading shows on an existing identity).
 */
async function runAgainst(fault: Fault | undefined, operations: string[]): Promise<ConformanceResult> {
  server = await startFaultyIdentityServer(fault);
  return runConformance({
    apis: [identityTarget(server)],
    seed: 20261130,
    requestsPerOperation: 5,
    timeCapMs: 60_000,
    now: NOW,
    operations,
  });
}

// The run of each fault, kept for the shrinking test.
const results = new Map<Fault, ConformanceResult>();

const failedChecks = (result: ConformanceResult) => [...new Set(result.failures.map((f) => f.check))].sort();

describe('conformance runner against an Identities server with one injected fault', () => {
  it('finds nothing wrong with the server when no fault is injected', async () => {
    const result = await runAgainst(undefined, ALL_OPERATIONS);
    expect(result.failures, formatSummary(result)).toEqual([]);
    // Every check ran, the stateful ones included.
    for (const name of Object.keys(result.checks)) expect(result.checks[name]!.requests, name).toBeGreaterThan(0);
    expect(formatSummary(result).split('\n').at(-1)).toBe('10 passed, 0 failed');
  });

  // [fault, the check that must catch it, the operation it is reported on, the operations run]
  const cases: [Fault, string, string, string[]][] = [
    ['server-error', 'not_a_server_error', 'getIdentity', ['getIdentity']],
    ['undocumented-status', 'status_code_conformance', 'getIdentity', ['getIdentity']],
    ['wrong-content-type', 'content_type_conformance', 'getIdentity', ['createIdentity']],
    ['missing-retry-after', 'response_headers_conformance', 'getIdentity', ['getIdentity']],
    ['off-schema-body', 'response_schema_conformance', 'getIdentity', ['createIdentity']],
    ['accepts-invalid-body', 'negative_data_rejection', 'createIdentity', ['createIdentity']],
    ['refuses-valid-body', 'positive_data_acceptance', 'createIdentity', ['createIdentity']],
    ['ignores-credential', 'ignored_auth', 'createIdentity', ['createIdentity']],
    ['deleted-still-readable', 'use_after_free', 'getIdentity', ['createIdentity']],
  ];
  it.each(cases)(
    '%s is caught by %s, with the shrunk request as curl',
    async (fault, check, operationId, operations) => {
      const result = await runAgainst(fault, operations);
      results.set(fault, result);
      expect(failedChecks(result)).toContain(check);
      const failure = result.failures.find((f) => f.check === check && f.operationId === operationId);
      expect(failure, formatSummary(result)).toBeDefined();
      expect(failure!.curl).toMatch(new RegExp(`^curl -g -i -X [A-Z]+ '${server!.url}/identities`));
      // The valid key is never printed, only the variable that holds it.
      expect(failure!.curl).not.toContain(server!.apiKey);
      expect(formatSummary(result)).toContain(`✖ ${check}`);
      expect(formatSummary(result).split('\n').at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    },
  );

  it('shrinks a refused valid body to its smallest form', async () => {
    const result = results.get('refuses-valid-body') ?? (await runAgainst('refuses-valid-body', ['createIdentity']));
    const failure = result.failures.find((f) => f.check === 'positive_data_acceptance')!;
    const body = JSON.parse(/--data-raw '(.*)'$/.exec(failure.curl)![1]!.replace(/'\\''/g, "'"));
    // fast-check shrinks every string to its minimum length and drops every optional property: a person with
    // one-character fields (emails keep their fixed domain) and nothing optional.
    expect(body.name).toHaveLength(1);
    expect(Object.keys(body).sort()).toEqual([
      'address',
      'birthday',
      'email',
      'gender',
      'name',
      'phone',
      'tax',
      'type',
    ]);
  });
});
