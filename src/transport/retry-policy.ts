// When to send a request again and how long to wait first. Pure functions, so each rule is tested on its own.

export interface RetryOptions {
  /** Total attempts including the first one (1 = never retry). */
  attempts: number;
  /** Backoff before the first retry; doubles for each further retry. */
  baseDelayMs: number;
  /** Upper bound of any wait, including one the server asks for with `Retry-After`. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
});
export const NO_RETRY: Readonly<RetryOptions> = Object.freeze({ attempts: 1, baseDelayMs: 0, maxDelayMs: 0 });

/** Methods that may be sent twice without a second effect (RFC 9110 §9.2.2). POST and PATCH are not among them. */
export const IDEMPOTENT_METHODS: readonly string[] = Object.freeze(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Answers that say "try again later" rather than "this request is wrong". */
export const TRANSIENT_STATUSES: readonly number[] = Object.freeze([429, 502, 503, 504]);

/**
 * Exponential backoff with full jitter: a random wait in [0, min(maxDelayMs, baseDelayMs * 2^(retry-1))].
 * Jitter spreads the retries of many clients that failed together, so they do not return together.
 * @param retry 1 for the first retry, 2 for the second...
 */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// The three forms of RFC 9110 §5.6.7, each always GMT.
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`); // Sun, 06 Nov 1994 08:49:37 GMT
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`); // Sunday, 06-Nov-94 08:49:37 GMT
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`); // Sun Nov  6 08:49:37 1994

/** Ms since the epoch of a date in UTC, or undefined if a field is out of range (Feb 30, 25:00...). */
function utc(
  year: number,
  month: string,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number | undefined {
  const m = MONTHS.indexOf(month);
  // 60: a leap second, which Date.UTC folds into the next minute.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(year, m, day, hour, minute, second);
  const date = new Date(Date.UTC(year, m, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === m && date.getUTCDate() === day ? ms : undefined;
}

/**
 * An HTTP-date (RFC 9110 §5.6.7) in ms since the epoch: IMF-fixdate, or the obsolete rfc850 and asctime forms
 * recipients must accept, all read as GMT. Not Date.parse: it accepts "1.5" or "-1" as dates and reads asctime
 * in the local time zone.
 */
export function parseHttpDate(text: string, nowMs: number): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC850_DATE.exec(text);
  if (m) {
    // A two-digit year more than 50 years ahead is the most recent past year with those digits (RFC 9110).
    const thisYear = new Date(nowMs).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(m[3]);
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  m = ASCTIME_DATE.exec(text);
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]!.trim()), Number(m[3]), Number(m[4]), Number(m[5]));
  return undefined;
}

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Undefined when the header is absent or in any other form ("1.5", "-1", a list), so the caller falls back to
 * backoff instead of retrying at once.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = parseHttpDate(text, nowMs);
  return date === undefined ? undefined : Math.max(0, date - nowMs);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Decides after an answer with a transient status. The server's `Retry-After` wins over backoff; if it asks for
 * more than `maxDelayMs` we stop and hand its answer to the caller instead of sleeping that long or ignoring it.
 */
export function decideAfterStatus(
  response: Response,
  retry: number,
  options: RetryOptions,
  nowMs: number,
  random: () => number,
): RetryDecision {
  const asked = parseRetryAfter(response.headers.get('retry-after'), nowMs);
  if (asked === undefined) return { retry: true, delayMs: backoffDelay(retry, options, random) };
  if (asked > options.maxDelayMs) return { retry: false };
  return { retry: true, delayMs: asked };
}
