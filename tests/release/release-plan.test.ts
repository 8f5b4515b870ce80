// What npm run release decides from the diff before touching a file: the versions it raises to, and when it refuses.
import { describe, expect, it } from 'vitest';
import type { RatedChange } from '../../scripts/release/changes.mjs';
import type { ApiDiff } from '../../scripts/release/gate.mjs';
import { planRelease, Refusal } from '../../scripts/release/plan.mjs';

const change = (rating: RatedChange['rating'], over: Partial<RatedChange> = {}): RatedChange => ({
  operation: 'GET /identities/{id} (getIdentity)',
  operations: ['GET /identities/{id} (getIdentity)'],
  direction: 'response',
  kind: 'removed',
  location: '',
  rule: 'property-removed',
  message: `a ${rating} change.`,
  redoclyRating: rating,
  rating,
  pointer: '#/x',
  ...over,
});
const api = (name: string, rating?: RatedChange['rating'], over: Partial<ApiDiff> = {}): ApiDiff => ({
  api: name,
  title: name,
  released: '1.0.0',
  current: '1.0.0',
  rating,
  changes: rating ? [change(rating)] : [],
  ...over,
});
const plan = (results: ApiDiff[], selected: string[], level: 'major' | 'minor' | 'patch', currentPackage = '0.1.0') =>
  planRelease({
    results,
    selected,
    target: selected.length > 1 ? 'all' : selected[0]!,
    level,
    releasedPackage: '0.1.0',
    currentPackage,
  });

describe('the versions', () => {
  it('raise each changed API by its own largest rating and the package by the level; an unchanged API keeps its own', () => {
    const { next, nextPackage, changed } = plan(
      [api('portabl', 'patch'), api('identity', 'major'), api('other')],
      ['portabl', 'identity', 'other'],
      'major',
    );
    expect(next).toEqual({ portabl: '1.0.1', identity: '2.0.0' });
    expect(nextPackage).toBe('1.0.0');
    expect(changed.map((r) => r.api)).toEqual(['portabl', 'identity']);
  });

  it('allow a level above the ratings for the package', () => {
    expect(plan([api('identity', 'minor')], ['identity'], 'major')).toMatchObject({
      next: { identity: '1.1.0' },
      nextPackage: '1.0.0',
    });
  });

  it('keep a version raised by hand when it is already higher', () => {
    expect(plan([api('identity', 'minor', { current: '3.0.0' })], ['identity'], 'minor', '0.9.0')).toMatchObject({
      next: { identity: '3.0.0' },
      nextPackage: '0.9.0',
    });
  });
});

describe('a refusal', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(Refusal);
      return (error as Error).message;
    }
    throw new Error('no refusal');
  };

  it('when the level is lower than the changes need, listing them and the level to use', () => {
    const message = refusal(() => plan([api('identity', 'major')], ['identity'], 'minor'));
    expect(message).toContain('the changes need a major release, not minor');
    expect(message).toContain('identity: GET /identities/{id} (getIdentity) response: a major change.');
    expect(message).toContain('run npm run release -- identity major');
  });

  it('when another API changed too, since the package ships every API', () => {
    expect(refusal(() => plan([api('portabl', 'minor'), api('identity', 'major')], ['identity'], 'major'))).toContain(
      'portabl (1 change(s), largest minor) also changed since 0.1.0, and the package ships every API: run npm run release -- all major',
    );
  });

  it('when nothing changed', () => {
    expect(refusal(() => plan([api('portabl'), api('identity')], ['portabl', 'identity'], 'patch'))).toContain(
      'nothing to release',
    );
  });

  it('when a deprecated element goes before its sunset', () => {
    const early = api('identity', 'major', { changes: [change('major', { refused: 'keep it until 2099-01-01' })] });
    expect(refusal(() => plan([early], ['identity'], 'major'))).toContain(
      'these changes cannot be released:\nidentity: GET /identities/{id} (getIdentity): a major change. keep it until 2099-01-01',
    );
  });
});
