// The Portabl contract's policy on unknown properties (see info.description): request bodies reject them, so a
// misspelt field fails loudly; response bodies accept them, so a field the provider adds later does not break a
// client that validates responses. Checked on every example of every operation.
import { describe, expect, it } from 'vitest';
import { loadBundle, validatorFor } from '../support/bundles.js';
import { mediaTypeSites } from '../support/walk.js';

const sites = mediaTypeSites(loadBundle('portabl')).filter((s) => s.mediaType.value.schema);
const withUnknown = (value: unknown) => ({ ...(value as object), addedByTheProviderLater: 'x' });

const cases = (kind: 'request' | 'response') =>
  sites
    .filter((s) => s.where.startsWith(kind))
    .flatMap((s) =>
      s.examples.map((e) => ({
        label: `${s.operationId} ${s.where} "${e.name}"`,
        pointer: s.schemaPointer,
        value: e.value,
      })),
    );

describe('Portabl unknown properties', () => {
  it.each(cases('request'))('request $label is rejected with an unknown property', ({ pointer, value }) => {
    expect(validatorFor('portabl').validate(pointer, value)).toEqual([]);
    expect(validatorFor('portabl').validate(pointer, withUnknown(value))).toContainEqual({
      path: '',
      message: expect.stringMatching(/must NOT have additional properties.*addedByTheProviderLater/),
    });
  });

  it.each(cases('response'))('response $label is accepted with an unknown property', ({ pointer, value }) => {
    expect(validatorFor('portabl').validate(pointer, withUnknown(value))).toEqual([]);
  });
});
