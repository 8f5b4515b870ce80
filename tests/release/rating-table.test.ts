// Item 3 of issue 15: every row of the rating table gets the rating it must, through the same code the gate runs;
// where Redocly rates a row differently, the gate's correction is what the row shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateChanges } from '../../scripts/release/changes.mjs';
import { judge } from '../../scripts/release/gate.mjs';
import { redoclyDiff } from '../../scripts/release/redocly-diff.mjs';
import { base, revision, rows } from './support/rating-table.js';

const TODAY = '2026-11-30';
const order = ['none', 'patch', 'minor', 'major'];
const largest = (ratings: string[]) => ratings.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a), 'none');

let changes: ReturnType<typeof rateChanges>;
const table: string[] = [];
// The table in the closing note: each row with Redocly's rating and the gate's.
afterAll(() => console.log(`row | redocly diff | gate\n${table.join('\n')}`));
beforeAll(async () => {
  const before = base();
  const after = revision();
  changes = rateChanges({ base: before, revision: after, report: await redoclyDiff(before, after), today: TODAY });
});

const ofRow = (path: string) => changes.filter((c) => c.operation === path || c.operation.split(' ')[1] === path);

describe('the rating table', () => {
  it('attributes every change to one row', () => {
    const unattributed = changes.filter((c) => !rows.some((r) => ofRow(r.path).includes(c)));
    expect(unattributed).toEqual([]);
  });

  it.each(rows.map((r) => [r.what, r] as const))('%s', (_what, row) => {
    const found = ofRow(row.path);
    expect(found.length, `no change found for ${row.path}`).toBeGreaterThan(0);
    const gate = largest(found.map((c) => c.rating));
    const redocly = largest(found.map((c) => c.redoclyRating));
    table.push(`${row.what} | ${redocly} | ${gate}${found.some((c) => c.refused) ? ' (refused)' : ''}`);
    expect(gate).toBe(row.expected);
    expect(found.some((c) => c.refused !== undefined)).toBe(row.refused === true);
    if (gate !== redocly) expect(found.some((c) => c.correctedBy)).toBe(true);
    for (const c of found.filter((x) => x.rating === 'major'))
      expect(c.action, `${row.path}: a major change must say what a caller must change`).toMatch(/\w/);
  });

  it('is refused by the gate whatever the versions say when a deprecated element goes before its sunset', () => {
    const refusedRow = rows.find((r) => r.refused)!;
    const result = {
      api: 'table',
      title: 'Rating table',
      released: '1.0.0',
      current: '9.0.0',
      rating: 'major',
      changes: ofRow(refusedRow.path),
    };
    const failures = judge([result], { releasedPackage: '0.1.0', currentPackage: '9.0.0' });
    expect(failures.join('\n')).toMatch(
      /legacyId.*Refused: it was released as deprecated with the sunset date 2099-01-01/,
    );
  });

  it('lets that removal through once the sunset date has passed (still a major change)', async () => {
    const before = base();
    const after = base();
    rows.find((r) => r.refused)!.change(after);
    const later = rateChanges({
      base: before,
      revision: after,
      report: await redoclyDiff(before, after),
      today: '2099-01-02',
    });
    expect(later.map((c) => [c.rating, c.refused])).toEqual([['major', undefined]]);
  });
});
