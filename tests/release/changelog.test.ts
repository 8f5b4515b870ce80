// The CHANGELOG.md section npm run release writes: grouped by API, breaking entries first and marked, each followed
// by what a caller must change; the same change reached through several operations is one entry; newest first.
import { describe, expect, it } from 'vitest';
import { changelogSection, prependSection } from '../../scripts/release/changelog.mjs';
import type { RatedChange } from '../../scripts/release/changes.mjs';

const change = (over: Partial<RatedChange>): RatedChange => ({
  operation: 'GET /things (listThings)',
  operations: ['GET /things (listThings)'],
  direction: 'response',
  kind: 'removed',
  location: 'responses/200/content/application/json/schema/properties/data/items/properties/email',
  rule: 'property-removed',
  message: 'Property `email` of `Thing` was removed.',
  redoclyRating: 'major',
  rating: 'major',
  pointer: '#/components/schemas/Thing/properties/email',
  ...over,
});

const section = changelogSection({
  version: '2.0.0',
  previous: '1.4.0',
  level: 'major',
  date: '2026-11-30',
  apis: [
    { api: 'a', title: 'Alpha API', released: '1.0.0', current: '1.0.0', changes: [] },
    {
      api: 'b',
      title: 'Beta API',
      released: '3.1.0',
      current: '3.1.0',
      next: '4.0.0',
      rating: 'major',
      changes: [
        change({
          rating: 'patch',
          redoclyRating: 'patch',
          kind: 'modified',
          rule: 'modified summary',
          message: '`summary` was reworded.',
          location: ' · summary',
          direction: 'operation',
        }),
        change({
          action: 'Stop reading `email` from this response: it is no longer sent.',
          operations: ['GET /things (listThings)', 'GET /things/{id} (getThing)'],
        }),
        change({
          rating: 'minor',
          redoclyRating: 'minor',
          kind: 'added',
          rule: 'added',
          message: '`404` was added.',
          location: 'responses/404',
        }),
        change({
          rating: 'minor',
          redoclyRating: 'minor',
          kind: 'added',
          rule: 'added',
          message: '`404` was added.',
          location: 'responses/404',
          operation: 'GET /things/{id} (getThing)',
          operations: ['GET /things/{id} (getThing)'],
        }),
      ],
    },
  ],
});

describe('a release section', () => {
  it('starts with the version and date, and says what happened to the package', () => {
    expect(section.startsWith('## 2.0.0 (2026-11-30)\n\nPackage 1.4.0 → 2.0.0 (major).\n')).toBe(true);
  });

  it('gives each API its heading, an unchanged one included', () => {
    expect(section).toContain('### Alpha API 1.0.0: no contract change');
    expect(section).toContain('### Beta API 3.1.0 → 4.0.0 (major)');
  });

  it('lists breaking changes first, marked, with every operation reached and what a caller must change', () => {
    const beta = section.split('### Beta API')[1]!;
    expect(beta.indexOf('#### Breaking changes')).toBeLessThan(beta.indexOf('#### Additions and deprecations (minor)'));
    expect(beta.indexOf('#### Additions and deprecations (minor)')).toBeLessThan(
      beta.indexOf('#### Other changes (patch)'),
    );
    expect(beta).toContain(
      '- **BREAKING** Response of `GET /things (listThings)`, `GET /things/{id} (getThing)`: Property `email` of `Thing` was removed. (`property-removed` at `200 response body: data[].email`)\n' +
        '  **What a caller must change:** Stop reading `email` from this response: it is no longer sent.',
    );
  });

  it('merges one change made to several operations into one entry', () => {
    expect(section).toContain(
      '- Response of `GET /things (listThings)`, `GET /things/{id} (getThing)`: `404` was added. (`added` at `responses/404`)',
    );
    expect(section.match(/`404` was added/g)).toHaveLength(1);
  });
});

describe('CHANGELOG.md', () => {
  it('gets the new section above the previous ones, below the introduction', () => {
    const existing = '# Changelog\n\nIntro.\n\n## 1.4.0 (2026-01-01)\n\nOld.\n';
    expect(prependSection(existing, '## 2.0.0 (2026-11-30)\n\nNew.\n')).toBe(
      '# Changelog\n\nIntro.\n\n## 2.0.0 (2026-11-30)\n\nNew.\n\n## 1.4.0 (2026-01-01)\n\nOld.\n',
    );
  });

  it('is created when there is none', () => {
    expect(prependSection(undefined, '## 0.2.0 (2026-11-30)\n')).toBe('# Changelog\n\n## 0.2.0 (2026-11-30)\n');
  });
});
