// The reference speaks to the caller of the API (issue 10, item 9): an operation's or a parameter's summary and
// description say what a caller needs, and why the contract reads the source documents as it does is kept in an
// `x-decision` extension beside them (and the spec-wide list in the root's `x-decisions`, which the README lists).
import { describe, expect, it } from 'vitest';
import { apiNames, loadBundle, operationsOf } from '../support/bundles.js';
import { follow } from '../support/walk.js';

/** Phrases that address the authors of the contract rather than its callers. */
const AUTHOR_TALK = /\bthe document\b|\bseed document\b|\bthis contract\b|contradictions resolved|writes it `:/i;

describe.each(apiNames)('%s', (api) => {
  const doc = loadBundle(api);
  const texts = operationsOf(api).flatMap(({ method, path, operation }) => {
    const label = `${method.toUpperCase()} ${path}`;
    const parameters = (operation.parameters ?? []).concat(doc.paths[path]!.parameters ?? []).map((p: object, i: number) => follow(doc, { value: p, pointer: `${label} parameter ${i}` }).value);
    return [
      [`${label} summary`, operation.summary],
      [`${label} description`, operation.description],
      ...parameters.map((p: { name: string; description?: string }) => [`${label} parameter ${p.name}`, p.description]),
    ] as [string, string | undefined][];
  });

  it('operation and parameter texts speak to the caller', () => {
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter(([, text]) => text && AUTHOR_TALK.test(text)).map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });

  it('keeps why the contract reads the source as it does in x-decision and the root x-decisions', () => {
    const perOperation = operationsOf(api).filter(({ operation }) => typeof operation['x-decision'] === 'string');
    expect(perOperation.length).toBeGreaterThan(2);
    expect((doc['x-decisions'] as unknown[]).length).toBeGreaterThan(10);
  });
});
