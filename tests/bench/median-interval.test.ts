// The benchmark's paired ratios print a 95 % bootstrap interval of their median (scripts/bench/stats.mjs), so a
// reader can tell a ratio the rounds pin down from one they do not: the interval must hold the median, narrow as
// rounds are added, print the same for the same figures, and refuse figures it cannot use.
import { describe, expect, it } from 'vitest';
import { pairedRatio } from '../../scripts/bench/per-call.mjs';
import { median, medianInterval } from '../../scripts/bench/stats.mjs';

// Deterministic "noisy rounds": a ratio of 1.08 spread evenly over ±0.15 (as the HTTP rounds spread on this machine),
// in a scrambled order (a linear congruential generator), the same on every run.
function rounds(n: number): number[] {
  let state = 12345;
  return Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 1.08 + 0.3 * (state / 2 ** 31 - 0.5);
  });
}

describe('medianInterval', () => {
  it('holds the median and lies within the values', () => {
    const values = rounds(40);
    const [low, high] = medianInterval(values);
    expect(low).toBeLessThanOrEqual(median(values));
    expect(high).toBeGreaterThanOrEqual(median(values));
    expect(low).toBeGreaterThanOrEqual(Math.min(...values));
    expect(high).toBeLessThanOrEqual(Math.max(...values));
  });

  it('narrows as rounds are added', () => {
    const width = (n: number) => {
      const [low, high] = medianInterval(rounds(n));
      return high - low;
    };
    expect(width(200)).toBeLessThan(width(40));
    expect(width(40)).toBeLessThan(width(8));
  });

  it('gives the same interval for the same figures (its resamples are seeded)', () => {
    const values = rounds(30);
    expect(medianInterval(values)).toEqual(medianInterval([...values]));
  });

  it('is a single point when every round agrees', () => {
    expect(medianInterval([1.04, 1.04, 1.04])).toEqual([1.04, 1.04]);
  });

  it('refuses no figures, and a figure that is not a finite number, naming what it got', () => {
    expect(() => medianInterval([])).toThrow(/finite numbers \(got 0 values\)/);
    expect(() => medianInterval([1, Number.NaN])).toThrow(RangeError);
    expect(() => medianInterval([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('pairedRatio', () => {
  it('prints the median of the per-round ratios with its interval', () => {
    // Rounds where the variant took 110, 104 and 99 µs against 100 each time.
    expect(pairedRatio({ rounds: [110, 104, 99] }, { rounds: [100, 100, 100] })).toBe('1.04× (0.99–1.10)');
  });
});
