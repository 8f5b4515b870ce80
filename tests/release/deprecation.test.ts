// Item 5 of issue 15: an operation or property marked `deprecated: true` with an `x-sunset` date carries @deprecated
// in the generated types and shows its Deprecated badge and sunset date in the docs. The real pipeline steps run over
// a copy of the Identities bundle in which the sandbox approval and its `email` field are deprecated. (The diff's
// rating of a deprecation, minor, and the refusal of an early removal are rows of rating-table.test.ts.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../support/bundles.js';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { openTag, waitForTagSections } from '../support/redoc.js';

const SUNSET = '2027-06-30';
const OPERATION = 'approveSandboxIdentity';
const work = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-deprecation-'));
let browser: Chromium | undefined;

function step(script: string) {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', script), '--out', work, '--api', 'identity'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`scripts/${script} failed:\n${result.stdout}${result.stderr}`);
}

beforeAll(() => {
  for (const api of ['portabl', 'identity']) mkdirSync(path.join(work, api), { recursive: true });
  // The landing page lists both APIs, so the Portabl bundle comes along unchanged.
  copyFileSync(path.join(repoRoot, 'generated', 'portabl', 'openapi.yaml'), path.join(work, 'portabl', 'openapi.yaml'));
  const doc = parse(readFileSync(path.join(repoRoot, 'generated', 'identity', 'openapi.yaml'), 'utf8'));
  Object.assign(doc.paths['/sandbox/identities/approve'].post, { deprecated: true, 'x-sunset': SUNSET });
  Object.assign(doc.components.schemas.SandboxApproveIdentityRequest.properties.email, {
    deprecated: true,
    'x-sunset': SUNSET,
  });
  writeFileSync(path.join(work, 'identity', 'openapi.yaml'), stringify(doc));
  step('generate-types.mjs');
  step('build-docs.mjs');
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the generated types', () => {
  const types = () => readFileSync(path.join(work, 'identity', 'schema.ts'), 'utf8');

  it('mark the deprecated operation @deprecated', () => {
    expect(types()).toMatch(
      new RegExp(
        `/\\*\\*(?:(?!\\*/)[\\s\\S])*@deprecated(?:(?!\\*/)[\\s\\S])*\\*/\\s*post: operations\\["${OPERATION}"\\]`,
      ),
    );
  });

  it('mark the deprecated property @deprecated', () => {
    const request = types().split('SandboxApproveIdentityRequest: {')[1]!.split('\n        };')[0]!;
    expect(request).toMatch(/@deprecated(?:(?!\*\/)[\s\S])*\*\/\s*email:/);
    expect(request).not.toMatch(/@deprecated(?:(?!\*\/)[\s\S])*\*\/\s*identityId:/);
  });
});

it('the docs show the operation and the property as deprecated, with the sunset date', async () => {
  browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(path.join(work, 'docs', 'identity.html')).href);
  // Redoc renders the tag sections once scrolled to and folds each tag's operations behind "+ Show".
  await waitForTagSections(page, ['Identities', 'Sandbox'], 60_000);
  expect(await openTag(page, 'Sandbox')).toBe(true);
  // Redoc names an operation's section `<tag>/<operationId>`, in lower case.
  const sectionId = `sandbox/${OPERATION.toLowerCase()}`;
  const section = page.locator(`[id="${sectionId}"]`);
  await page.waitForFunction(
    (id) => {
      window.scrollBy(0, window.innerHeight * 0.8);
      return document.getElementById(id)?.textContent?.includes('sunset') === true;
    },
    sectionId,
    { timeout: 60_000, polling: 100 },
  );
  const text = await section.innerText();
  expect(text).toContain('Deprecated');
  // Once under the operation's heading, once under the `email` field of its request body.
  expect(text.split(`sunset: ${SUNSET}`).length - 1).toBe(2);
  expect(text).toMatch(/email[\s\S]*deprecated/);
});
