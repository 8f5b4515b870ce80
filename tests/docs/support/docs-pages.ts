// Opens a docs page the way a reader does, with the network cut off: every request to a non-loopback address is
// blocked and recorded, every console error and uncaught exception is recorded.
import type { BrowserContext, Page } from 'playwright-core';
import type { OpenApiDocument } from '../../support/bundles.js';

export interface PageLog {
  /** Every http(s)/ws(s) URL outside the loopback interface the page tried to reach (all were blocked). */
  external: string[];
  /** Console messages of type error, uncaught exceptions and failed loopback requests. */
  errors: string[];
}

export interface OpenedPage {
  page: Page;
  log: PageLog;
  status: number | undefined;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopback(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true; // data:, blob:, about: never leave the machine
  return LOOPBACK_HOSTS.has(parsed.hostname) || /^127\.\d+\.\d+\.\d+$/.test(parsed.hostname);
}

/**
 * URLs a page may legitimately name and a reader may follow: the APIs' own servers and their documentation links
 * (externalDocs, contact, license, terms of service), wherever they appear in the bundles.
 */
export function allowedExternalUrls(docs: OpenApiDocument[]): string[] {
  const urls = new Set<string>();
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (key === 'servers' || key === 'externalDocs' || key === 'contact' || key === 'license') {
      if (typeof record.url === 'string') urls.add(record.url);
    }
    for (const [childKey, child] of Object.entries(record)) {
      if (childKey === 'termsOfService' && typeof child === 'string') urls.add(child);
      visit(child, childKey);
    }
  };
  for (const doc of docs) visit(doc, undefined);
  return [...urls].filter((url) => /^https?:\/\//.test(url));
}

/** True when `url` is one of `allowed` or lies under one of them. */
export function isAllowed(url: string, allowed: string[]): boolean {
  return allowed.some((prefix) => url === prefix || url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
}

/** Opens `url` in a new tab whose non-loopback requests are blocked and recorded. */
export async function openPage(context: BrowserContext, url: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const log: PageLog = { external: [], errors: [] };
  await page.route('**/*', async (route) => {
    const requested = route.request().url();
    if (isLoopback(requested)) {
      await route.continue();
    } else {
      log.external.push(requested);
      await route.abort('blockedbyclient');
    }
  });
  page.on('websocket', (socket) => {
    if (!isLoopback(socket.url())) log.external.push(socket.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (isLoopback(request.url()) && !request.url().startsWith('data:')) {
      log.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
    }
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, log, status: response?.status() };
}
