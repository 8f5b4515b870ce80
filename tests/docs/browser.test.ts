// The built docs in a real browser (Debian's chromium) with the network cut off: each page loads from the docs
// server with no request leaving the machine and no console error, every operation of the bundled specs becomes
// visible with its TypeScript sample, the landing page's links resolve, and a screenshot of each page is written.
// Reads generated/docs (the drift test keeps it current). Prints each page's size and what was found visible.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS } from '../../scripts/docs/code-samples.mjs';
import { type DocsServer, serveDocs } from '../../scripts/serve-docs.mjs';
import { type ApiName, apiNames, loadBundle, repoRoot } from '../support/bundles.js';
import { type Chromium, launchChromium } from '../support/chromium.js';
import { type ReferenceOperation, readReference, referenceOperations } from '../support/redoc.js';
import { allowedExternalUrls, isAllowed, isLoopback, type OpenedPage, openPage } from './support/docs-pages.js';

const DOCS_DIR = path.join(repoRoot, 'generated', 'docs');
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'docs-screenshots');
const PAGES = ['index.html', ...apiNames.map((api) => `${api}.html`)];

interface ReferenceResult {
  operations: ReferenceOperation[];
  summaries: Set<string>;
  samples: Set<string>;
}

let docs: DocsServer;
let browser: Chromium;
const opened = new Map<string, OpenedPage>();
const references = new Map<ApiName, ReferenceResult>();
const screenshots = new Map<string, string[]>();
const allowed = allowedExternalUrls(apiNames.map((api) => loadBundle(api)));

async function screenshot(file: string, name: string, page: OpenedPage['page']) {
  const target = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: target });
  screenshots.set(file, [...(screenshots.get(file) ?? []), target]);
}

// A setup failure (no browser, no docs) is rethrown by every test, so that each one fails with the reason
// instead of being reported as skipped.
let setupFailure: unknown;
function ready() {
  if (setupFailure) throw setupFailure;
}

beforeAll(async () => {
  try {
    mkdirSync(SCREENSHOTS, { recursive: true });
    docs = await serveDocs({ port: 0, host: '127.0.0.1', root: DOCS_DIR });
    browser = await launchChromium();

    const index = await openPage(browser.context, `${docs.url}index.html`);
    opened.set('index.html', index);
    await screenshot('index.html', 'index.png', index.page);

    for (const api of apiNames) {
      const file = `${api}.html`;
      const reference = await openPage(browser.context, `${docs.url}${file}`);
      opened.set(file, reference);
      await screenshot(file, `${api}.png`, reference.page);
      const operations = referenceOperations(loadBundle(api), CLIENTS[api]!.variable);
      const { summaries, samples } = await readReference(reference.page, operations);
      references.set(api, { operations, summaries, samples });
      // The last operation read, with its sample: what a reader sees of one operation.
      const last = operations.at(-1);
      const heading = last && reference.page.getByRole('heading', { name: last.summary, exact: true }).first();
      if (heading && (await heading.isVisible())) await heading.scrollIntoViewIfNeeded();
      await screenshot(file, `${api}-operation.png`, reference.page);
    }
  } catch (error) {
    setupFailure = error;
  }
});

afterAll(async () => {
  const lines = PAGES.map((file) => {
    const built = path.join(DOCS_DIR, file);
    const size = existsSync(built) ? `${(statSync(built).size / 1024).toFixed(0)} KiB` : 'missing';
    const api = apiNames.find((a) => `${a}.html` === file);
    const result = api ? references.get(api) : undefined;
    const visible = result
      ? `, ${result.summaries.size}/${result.operations.length} operations visible, ` +
        `${result.samples.size}/${result.operations.length} kyc-contracts samples visible`
      : '';
    const blocked = opened.get(file)?.log.external.length ?? 0;
    return `  ${file}: ${size}${visible}, ${blocked} external requests attempted; screenshots: ${(screenshots.get(file) ?? []).join(', ')}`;
  });
  console.log(`docs pages in chromium:\n${lines.join('\n')}`);
  await browser?.close();
  await docs?.close();
});

describe.each(PAGES)('%s', (file) => {
  it('is served with status 200', () => {
    ready();
    expect(opened.get(file)?.status).toBe(200);
  });

  it("requests nothing outside the loopback interface but the APIs' own servers and documentation links", () => {
    ready();
    const log = opened.get(file)!.log;
    const forbidden = log.external.filter((url) => !isAllowed(url, allowed));
    expect(forbidden, `${file} tried to load (blocked): ${forbidden.join(', ')}`).toEqual([]);
  });

  it('logs no console error and throws no uncaught exception', () => {
    ready();
    expect(opened.get(file)!.log.errors).toEqual([]);
  });
});

describe.each(apiNames)('%s.html', (api) => {
  it('shows every operation summary of the bundled spec once its tag is opened', () => {
    ready();
    const { operations, summaries } = references.get(api)!;
    const missing = operations
      .filter((o) => !summaries.has(o.label))
      .map((o) => `${o.label} "${o.summary}" (${o.tag})`);
    expect(missing, `not visible on ${api}.html`).toEqual([]);
    expect(summaries.size).toBe(operations.length);
  });

  it('shows the kyc-contracts TypeScript sample of every operation', () => {
    ready();
    const { operations, samples } = references.get(api)!;
    const missing = operations
      .filter((o) => !samples.has(o.label))
      .map((o) => `${o.label}: no visible code with ${o.call}`);
    expect(missing, `samples not visible on ${api}.html`).toEqual([]);
  });
});

describe('index.html', () => {
  it('names each API with its version and links its reference', async () => {
    ready();
    const { page } = opened.get('index.html')!;
    for (const api of apiNames) {
      const { title, version } = loadBundle(api).info;
      const card = page.locator(`#api-${api}`);
      await expect(card.getByRole('heading').textContent()).resolves.toContain(title);
      await expect(card.textContent()).resolves.toContain(version);
      await expect(card.locator(`a[href="${api}.html"]`).count()).resolves.toBe(1);
    }
  });

  it('has links that all resolve', async () => {
    ready();
    const { page } = opened.get('index.html')!;
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(apiNames.length);
    const broken: string[] = [];
    for (const href of new Set(hrefs.map((h) => h.replace(/#.*$/, '')))) {
      if (!isLoopback(href)) {
        if (!isAllowed(href, allowed)) broken.push(`${href}: links outside the APIs' servers and documentation`);
        continue;
      }
      const response = await fetch(href);
      if (response.status !== 200) broken.push(`${href}: ${response.status}`);
    }
    expect(broken).toEqual([]);
  });
});

it('writes a screenshot of each page', () => {
  ready();
  for (const file of PAGES) {
    const shots = screenshots.get(file) ?? [];
    expect(shots.length, `no screenshot of ${file}`).toBeGreaterThan(0);
    // A blank page compresses to almost nothing; a rendered one does not.
    for (const shot of shots) expect(statSync(shot).size, shot).toBeGreaterThan(10_000);
  }
});
