// The sandbox's own time: token expiry, the birthday age range, presigned URLs and the rate-limit window read it,
// so that a test or a partner can move it instead of waiting.

/** What the sandbox reads the time from. */
export interface SandboxClock {
  /** The sandbox's current time, in milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that follows real time from a chosen start, and can be moved forward. */
export interface AdjustableClock extends SandboxClock {
  /** Moves the clock forward by `ms` milliseconds (a positive, finite number). */
  advance(ms: number): void;
}

/**
 * Real time, shifted so that it reads `start` (ms since the epoch) at creation, plus every `advance`.
 * @example const clock = adjustableClock(Date.parse('2030-01-01T00:00:00Z')); clock.advance(86_400_000);
 */
export function adjustableClock(start?: number, realNow: () => number = Date.now): AdjustableClock {
  let offset = start === undefined ? 0 : start - realNow();
  return {
    now: () => realNow() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms <= 0)
        throw new RangeError(`advance: expected a positive number of milliseconds, got ${ms}`);
      offset += ms;
    },
  };
}

/** A clock that stands still until moved: for tests. */
export function manualClock(start: number): AdjustableClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms <= 0)
        throw new RangeError(`advance: expected a positive number of milliseconds, got ${ms}`);
      now += ms;
    },
  };
}

/** Reads SANDBOX_START_TIME: an RFC 3339 date-time; throws naming the variable when it is not one. */
export function parseStartTime(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(value) || Number.isNaN(ms)) {
    throw new Error(`SANDBOX_START_TIME="${value}" is not an RFC 3339 date-time (e.g. 2030-01-01T00:00:00Z)`);
  }
  return ms;
}
