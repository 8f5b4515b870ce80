// Turns Prism's pino JSON log lines into one readable line each. Prism logs the whole request (headers included)
// with some messages; only the method and path are kept, so that no credential sent to the mock lands in a log.

const LEVEL_NAMES = new Map([
  [10, 'trace'],
  [20, 'debug'],
  [30, 'info'],
  [32, 'success'], // Prism's custom level between info and warn
  [40, 'warn'],
  [50, 'error'],
  [60, 'fatal'],
]);

/**
 * @param {string} api       label of the mock, e.g. `portabl`
 * @param {string} jsonLine  one pino line (may end with a newline)
 * @returns {string} a line ending with a newline
 */
export function formatPrismLogLine(api, jsonLine) {
  let entry;
  try {
    entry = JSON.parse(jsonLine);
  } catch {
    return `[${api}] ${String(jsonLine).trimEnd()}\n`;
  }
  const level = LEVEL_NAMES.get(entry.level) ?? String(entry.level);
  const request = entry.input ? ` ${String(entry.input.method).toUpperCase()} ${entry.input.url?.path ?? ''}` : '';
  return `[${api}] ${level.padEnd(7)}${request} ${entry.msg ?? ''}\n`;
}
