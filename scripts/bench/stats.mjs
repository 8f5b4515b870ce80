// Small statistics and formatting shared by the benchmark sections.
import os from 'node:os';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

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
