// Reads a Redoc page the way a reader does. Redoc renders the tag sections only once the page is hydrated and
// scrolled, folds each tag's operations behind "+ Show" (opening one tag folds the others) and renders an opened
// tag's operations as they are scrolled to. So each tag is opened in turn, scrolled through, and what became
// visible is recorded.
import type { Page } from 'playwright-core';
import { operationsOf } from '../../src/openapi/document.js';
import type { OpenApiDocument } from './bundles.js';

export interface ReferenceOperation {
  /** The heading Redoc gives the tag section (x-displayName or name). */
  tag: string;
  summary: string;
  /** `GET /path` */
  label: string;
  /** What the kyc-contracts sample of this operation contains: `portabl.GET('/provider/users'`. */
  call: string;
}

export function referenceOperations(doc: OpenApiDocument, clientVariable: string): ReferenceOperation[] {
  const tags = (doc.tags as { name: string; 'x-displayName'?: string }[] | undefined) ?? [];
  const displayName = (name: string) => tags.find((t) => t.name === name)?.['x-displayName'] ?? name;
  const operations: ReferenceOperation[] = [];
  for (const { method, path, operation } of operationsOf(doc)) {
    operations.push({
      tag: displayName(operation.tags?.[0] ?? ''),
      summary: operation.summary ?? '',
      label: `${method.toUpperCase()} ${path}`,
      call: `${clientVariable}.${method.toUpperCase()}('${path}'`,
    });
  }
  return operations;
}

/** Waits until every tag section has been rendered, scrolling down as a reader would. */
export async function waitForTagSections(page: Page, tags: string[], timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (names) => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const headings = Array.from(document.querySelectorAll('h2')).map((h) => h.textContent?.trim());
      return names.every((name) => headings.includes(name));
    },
    tags,
    { timeout, polling: 100 },
  );
}

/** Opens the tag's "+ Show" fold, if it has one. Returns false when there was none to open. */
export async function openTag(page: Page, tag: string): Promise<boolean> {
  return page.evaluate((name) => {
    const button = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === '+ Show' && b.closest('[id]')?.querySelector('h2')?.textContent?.trim() === name,
    );
    if (!button) return false;
    button.click();
    return true;
  }, tag);
}

/** Visible headings among `summaries`, and visible code blocks containing each of `calls`. */
export async function visibleContent(page: Page, summaries: string[], calls: string[]) {
  return page.evaluate(
    ({ summaries, calls }) => {
      const headings = Array.from(document.querySelectorAll('h1, h2, h3')).filter((h) => h.checkVisibility());
      const code = Array.from(document.querySelectorAll('pre, code')).filter((c) => c.checkVisibility());
      return {
        summaries: summaries.filter((s) => headings.some((h) => h.textContent?.trim() === s)),
        calls: calls.filter((call) => code.some((c) => c.textContent?.includes(call))),
      };
    },
    { summaries, calls },
  );
}

/**
 * Opens each tag in turn and records which operation summaries and which samples became visible. Waits (up to
 * `timeout` per tag) for all of a tag's operations; what is still missing then is reported by the caller.
 */
export async function readReference(page: Page, operations: ReferenceOperation[], timeout = 15_000) {
  const tags = [...new Set(operations.map((o) => o.tag))];
  await waitForTagSections(page, tags);
  const summaries = new Set<string>();
  const samples = new Set<string>();
  for (const tag of tags) {
    const ofTag = operations.filter((o) => o.tag === tag);
    await openTag(page, tag);
    const wanted = { summaries: ofTag.map((o) => o.summary), calls: ofTag.map((o) => o.call) };
    await page
      .waitForFunction(
        ({ summaries, calls }) => {
          // Operations render as they are scrolled to: keep moving down while some are missing.
          window.scrollBy(0, window.innerHeight * 0.8);
          const headings = Array.from(document.querySelectorAll('h1, h2, h3')).filter((h) => h.checkVisibility());
          const code = Array.from(document.querySelectorAll('pre, code')).filter((c) => c.checkVisibility());
          return (
            summaries.every((s) => headings.some((h) => h.textContent?.trim() === s)) &&
            calls.every((call) => code.some((c) => c.textContent?.includes(call)))
          );
        },
        wanted,
        { timeout, polling: 100 },
      )
      .catch(() => undefined); // what did not appear is reported below, by name
    const seen = await visibleContent(page, wanted.summaries, wanted.calls);
    for (const o of ofTag) {
      if (seen.summaries.includes(o.summary)) summaries.add(o.label);
      if (seen.calls.includes(o.call)) samples.add(o.label);
    }
  }
  return { summaries, samples };
}
