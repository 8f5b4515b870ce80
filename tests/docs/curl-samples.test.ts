// Every operation's curl sample (issue 10, item 9) works: the same arguments the docs show, aimed at the mock
// instead of the spec's server, are run with the real curl and get the operation's documented success status.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlArguments, curlSampleFor } from '../../scripts/docs/curl-samples.mjs';
import { startMocks } from '../../scripts/mock.mjs';
import { readPointer } from '../../src/openapi/document.js';
import { apiNames, loadBundle, operationsOf } from '../support/bundles.js';

let mocks: Awaited<ReturnType<typeof startMocks>>;
beforeAll(async () => {
  mocks = await startMocks({ ports: 0, logLevel: 'silent' });
});
afterAll(() => mocks?.close());

const FAKE = { bearer: 'fake-token-for-the-mock', apiKey: 'fake-api-key-for-the-mock' };
const rows = apiNames.flatMap((api) =>
  operationsOf(api).map((entry) => [`${api} ${entry.operation.operationId}`, api, entry] as const),
);

describe('curl samples', () => {
  it.for(rows)(
    "%s: the sample names the spec's server and, run against the mock, gets the documented 2xx",
    async ([, api, entry]) => {
      const doc = loadBundle(api);
      const fullEntry = {
        ...entry,
        parameters: [...(doc.paths[entry.path]!.parameters ?? []), ...(entry.operation.parameters ?? [])].map(
          (p: any) => (p.$ref ? resolve(doc, p.$ref) : p),
        ),
      };
      expect(curlSampleFor(doc, fullEntry)).toContain(doc.servers![0]!.url);
      const args = curlArguments(doc, fullEntry, mocks.urls[api]!, FAKE);
      const { stdout } = await promisify(execFile)('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', ...args]);
      const success = Object.keys(entry.operation.responses)
        .filter((s) => s.startsWith('2'))
        .sort()[0];
      expect(stdout).toBe(success);
    },
  );
});

const resolve = (doc: any, ref: string): any => readPointer(doc, ref);
