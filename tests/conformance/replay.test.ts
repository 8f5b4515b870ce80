// A run is replayable: the same seed sends the same requests, in the same order; another seed sends others.
import { afterEach, describe, expect, it } from 'vitest';
import { runConformance } from '../../scripts/conformance/runner.mjs';
import { type FaultyServer, identityTarget, startFaultyIdentityServer } from './support/faulty-identity-server.js';

const servers: FaultyServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The requests one run sent, as the server received them (a fresh server each time: same ids for same requests). */
async function requestsOf(seed: number): Promise<string[]> {
  const server = await startFaultyIdentityServer();
  servers.push(server);
  await runConformance({
    apis: [identityTarget(server)],
    seed,
    requestsPerOperation: 4,
    now: Date.UTC(2026, 0, 15),
    operations: ['createIdentity', 'getIdentity'],
  });
  return server.requests.map((r) => r.replace(server.url, ''));
}

describe('conformance run replay', () => {
  it('sends the same requests in the same order for the same seed, and others for another seed', async () => {
    const first = await requestsOf(42);
    const again = await requestsOf(42);
    const other = await requestsOf(43);
    expect(first.length).toBeGreaterThan(30);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});
