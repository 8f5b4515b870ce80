// Keeps credentials out of anything a client throws. A server may echo what it received (a validation error
// quoting the request body, a debug page quoting headers), and such text ends up in error messages and bodies.
// Every secret a client holds is registered here, and error text and bodies pass through it first.

export const REDACTED = '[REDACTED]';

export interface Redactor {
  /** Registers a value that must never appear in thrown text (client secret, API key, each token received). */
  add(secret: string | undefined): void;
  /** `text` with every registered secret replaced by [REDACTED]. */
  text(text: string): string;
  /** A deep copy of a JSON value with every string redacted (keys included). */
  value<T>(value: T): T;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  const text = (input: string): string => {
    let out = input;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  };
  const value = (input: unknown): unknown => {
    if (typeof input === 'string') return text(input);
    if (Array.isArray(input)) return input.map(value);
    if (input !== null && typeof input === 'object') {
      return Object.fromEntries(Object.entries(input).map(([k, v]) => [text(k), value(v)]));
    }
    return input;
  };
  return {
    add(secret) {
      if (secret) secrets.add(secret);
    },
    text,
    value: value as Redactor['value'],
  };
}

/** For responses from clients that hold no secrets. */
export const noRedaction: Redactor = { add() {}, text: (t) => t, value: (v) => v };
