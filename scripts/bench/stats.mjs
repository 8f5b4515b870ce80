// Small statistics and formatting shared by the benchmark sections.
import os from 'node:os';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A 95 % interval for the median of `values`: the 2.5th and 97.5th percentiles of the medians of `resamples`
 * bootstrap resamples (Efron's percentile method), drawn by a seeded generator (mulberry32), so the same values always
 * give the same interval. Used for the paired ratios: how far the median of a few dozen noisy rounds can be trusted.
 * @param {number[]} values at least one finite number
 * @param {{ resamples?: number, seed?: number }} [options] defaults 2,000 resamples, seed 1
 * @returns {[low: number, high: number]}
 * @throws {RangeError} when `values` is empty or holds a value that is not a finite number
 * @example medianInterval([1.02, 1.1, 1.05, 0.98, 1.07]) // [0.98, 1.1]: five rounds pin little down
 */
export function medianInterval(values, { resamples = 2000, seed = 1 } = {}) {
  if (values.length === 0 || !values.every(Number.isFinite))
    throw new RangeError(`medianInterval needs finite numbers (got ${values.length} values)`);
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const medians = Array.from({ length: resamples }, () =>
    median(Array.from(values, () => values[Math.floor(random() * values.length)])),
  ).sort((a, b) => a - b);
  const at = (q) => medians[Math.min(resamples - 1, Math.floor(q * resamples))];
  return [at(0.025), at(0.975)];
}

/** Bound every loop in time as well as in count: a stalled target must not hang the run. */
export function deadline(seconds) {
  const end = Date.now() + seconds * 1000;
  return () => {
    if (Date.now() > end) throw new Error(`benchmark section exceeded its ${seconds} s bound`);
  };
}

/** A Markdown table (the README shows it as printed). */
export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
export const ratio = (value, base) => (Number.isFinite(value) && base > 0 ? `${(value / base).toFixed(2)}×` : '—');

/** What the figures were measured on: they mean little without it. */
export function describeMachine() {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}, load average ${load} (1/5/15 min) at start`,
    `${new Date().toISOString()}`,
  ].join('\n');
}
