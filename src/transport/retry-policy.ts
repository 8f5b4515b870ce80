// When to send a request again and how long to wait first. Pure functions, so each rule is tested on its own.

export interface RetryOptions {
  /** Total attempts including the first one (1 = never retry). */
  attempts: number;
  /** Backoff before the first retry; doubles for each further retry. */
  baseDelayMs: number;
  /** Upper bound of any wait, including one the server asks for with `Retry-After`. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({ attempts: 3, baseDelayMs: 250, maxDelayMs: 10_000 });
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

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when the header is absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
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
