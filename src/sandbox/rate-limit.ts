// A fixed-window request limit per credential (off unless configured), so that partners can rehearse back-off:
// past the limit, the operation's documented 429 with `Retry-After` (seconds until the window ends). Counted per
// process: two sandbox processes on one database each allow the limit.
import type { SandboxClock } from './clock.js';

export interface RateLimit {
  /** Requests allowed per credential in each window (a positive integer). */
  requests: number;
  /** The window's length in seconds (a positive integer). */
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one request; answers the seconds to wait when the credential is over its limit, else undefined. */
  take(credential: string): number | undefined;
}

export function createRateLimiter(limit: RateLimit | undefined, clock: SandboxClock): RateLimiter {
  if (!limit) return { take: () => undefined };
  const windows = new Map<string, { start: number; count: number }>();
  const length = limit.windowSeconds * 1000;
  return {
    take(credential) {
      const now = clock.now();
      let window = windows.get(credential);
      if (!window || now - window.start >= length) {
        window = { start: now, count: 0 };
        windows.set(credential, window);
      }
      window.count += 1;
      if (window.count <= limit.requests) return undefined;
      return Math.max(1, Math.ceil((window.start + length - now) / 1000));
    },
  };
}

/** Reads SANDBOX_RATE_LIMIT, `<requests>/<seconds>` (e.g. `100/60`); throws naming the variable when malformed. */
export function parseRateLimit(value: string | undefined): RateLimit | undefined {
  if (value === undefined || value === '' || value === 'off') return undefined;
  const match = /^([1-9]\d{0,8})\/([1-9]\d{0,6})$/.exec(value);
  if (!match) throw new Error(`SANDBOX_RATE_LIMIT="${value}" must be <requests>/<seconds>, e.g. 100/60, or off`);
  return { requests: Number(match[1]), windowSeconds: Number(match[2]) };
}
