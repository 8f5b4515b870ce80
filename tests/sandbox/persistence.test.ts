// SANDBOX_DATA_DIR: a sandbox restarted on the same folder has every write it acknowledged before it stopped, the
// last one included, and the same tenants (derived from the credentials, not from the process).

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { person, startTestSandbox } from './support/sandbox.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kyc-sandbox-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const credentials = {
  identity: [{ apiKey: 'persistence-key-for-the-sandbox-tests' }],
  portabl: [{ clientId: 'persistence-client', clientSecret: 'persistence-secret-for-the-tests' }],
};

describe('Embedded store persisted in SANDBOX_DATA_DIR', () => {
  it('loses no acknowledged write across a restart', async () => {
    const first = await startTestSandbox({ dataDir: dir, credentials });
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await first.identity('POST', '/identities', person())).body.data.id);
    await first.identity('PATCH', `/identities/${created[0]}`, { name: 'Changed Before Restart' });
    await first.identity('DELETE', `/identities/${created[1]}`);
    const userId = randomUUID();
    await first.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } });
    // The last write is acknowledged, then the process stops at once.
    const last = (await first.identity('POST', '/identities', person())).body.data.id;
    await first.close();

    const second = await startTestSandbox({ dataDir: dir, credentials });
    try {
      const listed = (await second.identity('GET', '/identities?all=true')).body;
      expect(listed.data.map((i: any) => i.id).sort()).toEqual(
        [...created.filter((id) => id !== created[1]), last].sort(),
      );
      expect((await second.identity('GET', `/identities/${created[0]}`)).body.data.name).toBe('Changed Before Restart');
      expect((await second.identity('GET', `/identities/${created[1]}`)).status).toBe(404);
      expect((await second.portabl('GET', `/provider/users/${userId}/settings`)).body).toEqual({ isSyncOn: true });
    } finally {
      await second.close();
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
