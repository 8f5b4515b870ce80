// The store contract suite against the embedded store, in memory and persisted in a folder (the PostgreSQL run is in
// postgres.test.ts, which starts the server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/sandbox/store/index.js';
import { describeStoreContract } from './support/store-contract.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kyc-sandbox-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('embedded, in memory', () => openStore());
describeStoreContract('embedded, persisted in a folder', () => openStore({ dataDir: dir }));
