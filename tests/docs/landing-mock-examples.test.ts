// The requests the landing page tells a reader to send to the mocks work as it says: the documented success
// without a Prefer header, the documented 404 with `Prefer: code=404`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiNamed } from '../../scripts/apis.mjs';
import { mockExampleFor } from '../../scripts/docs/landing-page.mjs';
import { type RunningMocks, startMocks } from '../../scripts/mock.mjs';
import { apiNames, loadBundle, repoRoot } from '../support/bundles.js';

let mocks: RunningMocks;
beforeAll(async () => {
  mocks = await startMocks({ ports: 0, logLevel: 'silent', log: { write: () => true } });
});
afterAll(async () => {
  await mocks?.close();
});

function exampleOf(api: (typeof apiNames)[number]) {
  const example = mockExampleFor(loadBundle(api));
  if (!example)
    throw new Error(
      `${api}: no GET documents a 404 with examples for its path: the landing page shows no mock request`,
    );
  return example;
}

it.each(apiNames)('index.html shows the %s mock request it describes', (api) => {
  const { path: requestPath, headers } = exampleOf(api);
  const port = apiNamed(api).mock.defaultPort;
  const html = readFileSync(path.join(repoRoot, 'generated', 'docs', 'index.html'), 'utf8');
  expect(html).toContain(`http://127.0.0.1:${port}${requestPath}`);
  for (const [name, value] of headers) expect(html).toContain(`${name}: ${value}`);
});

it.each(apiNames)('the %s mock answers the example request with its documented success', async (api) => {
  const { path: requestPath, headers, status } = exampleOf(api);
  const response = await fetch(new URL(requestPath, mocks.urls[api]), { headers });
  expect(response.status, await response.text()).toBe(status);
});

it.each(apiNames)('the %s mock answers the example request with 404 when asked with Prefer: code=404', async (api) => {
  const { path: requestPath, headers } = exampleOf(api);
  const response = await fetch(new URL(requestPath, mocks.urls[api]), {
    headers: [...headers, ['Prefer', 'code=404']],
  });
  const body = await response.text();
  expect(response.status, body).toBe(404);
  // Prism's own 404 for a path the spec does not have would pass the line above: it must be the documented one.
  expect(body).not.toContain('NO_PATH_MATCHED_ERROR');
});
