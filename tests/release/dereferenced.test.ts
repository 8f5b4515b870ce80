// Item 6 of issue 15: a dereferenced JSON per API for tools that cannot follow `$ref`, beside the bundles and served
// by the docs server, carrying the API's version. (Its currency is the drift test's; its shipping the consumer test's.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsServer, serveDocs } from '../../scripts/serve-docs.mjs';
import { apiNames, repoRoot } from '../support/bundles.js';

const committed = (api: string, file: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'generated', api, file), 'utf8'));

let server: DocsServer;
beforeAll(async () => {
  server = await serveDocs({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe.each(apiNames)('%s', (api) => {
  it('has no $ref left and the same info (with the version) as the bundle', () => {
    const text = readFileSync(path.join(repoRoot, 'generated', api, 'openapi.dereferenced.json'), 'utf8');
    expect(text).not.toContain('"$ref"');
    const doc = JSON.parse(text);
    expect(doc.info).toEqual(committed(api, 'openapi.json').info);
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('is served by the docs server', async () => {
    const response = await fetch(new URL(`${api}.dereferenced.json`, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(committed(api, 'openapi.dereferenced.json'));
  });
});
