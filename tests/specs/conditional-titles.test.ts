// Every `if`/`then`/`else` of both specs carries a title (issue 10, item 9), so that the reference names each
// condition ("A US address needs a state") instead of rendering "case 1 / case 2".
import { describe, expect, it } from 'vitest';
import { childPointer } from '../../src/openapi/document.js';
import { apiNames, loadBundle } from '../support/bundles.js';

/** JSON pointers of every if/then/else subschema without a title. */
function untitledConditions(node: unknown, pointer = '#'): { found: number; untitled: string[] } {
  const result = { found: 0, untitled: [] as string[] };
  if (!node || typeof node !== 'object') return result;
  for (const [key, value] of Object.entries(node)) {
    const at = childPointer(pointer, key);
    if (['if', 'then', 'else'].includes(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      result.found++;
      if (typeof (value as { title?: unknown }).title !== 'string') result.untitled.push(at);
    }
    const inner = untitledConditions(value, at);
    result.found += inner.found;
    result.untitled.push(...inner.untitled);
  }
  return result;
}

describe.each(apiNames)('%s', (api) => {
  it('titles every if/then/else subschema', () => {
    const { untitled } = untitledConditions(loadBundle(api));
    expect(untitled).toEqual([]);
  });
});

it('finds the conditions it judges (the Identities address, tax and update rules)', () => {
  expect(untitledConditions(loadBundle('identity')).found).toBeGreaterThanOrEqual(6);
});
