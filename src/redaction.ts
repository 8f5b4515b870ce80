// Keeps credentials out of anything a client throws. A server may echo what it received (a validation error
// quoting the request body, a debug page quoting headers), and such text ends up in error messages and bodies.
// Every secret a client holds is registered here, and error text and bodies pass through it first.

export const REDACTED = '[REDACTED]';

export interface Redactor {
  /** Registers a value that must never appear in thrown text (client secret, API key, each token received). */
  add(secret: string | undefined): void;
  /**
   * Stops redacting `secret`. Only for a value that no longer grants anything (an access token past its expiry),
   * so that a long-lived client does not redact an ever-growing list of dead tokens.
   */
  forget(secret: string): void;
  /** `text` with every registered secret, and the forms an echo commonly gives it, replaced by [REDACTED]. */
  text(text: string): string;
  /** A deep copy of a JSON value with every string redacted (keys included). */
  value<T>(value: T): T;
}

/**
 * The forms in which a server's echo may quote a secret: as sent; JSON-escaped (a request body quoted inside a
 * JSON string, where `"` and `\` gain a backslash), also with `/` escaped as some encoders do; percent-encoded
 * (a URL or form body quoted back), with spaces as `+` too.
 */
export function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const percent = encodeURIComponent(secret);
  return [...new Set([secret, json, json.replace(/\//g, '\\/'), percent, percent.replace(/%20/g, '+')])];
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  // Every form of every secret, longest first so a secret that contains another is replaced whole; rebuilt when
  // the set changes, not on every redaction.
  let forms: string[] | undefined;
  const text = (input: string): string => {
    forms ??= [...new Set([...secrets].flatMap(echoedForms))].sort((a, b) => b.length - a.length);
    let out = input;
    for (const form of forms) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
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
      if (secret && !secrets.has(secret)) {
        secrets.add(secret);
        forms = undefined;
      }
    },
    forget(secret) {
      if (secrets.delete(secret)) forms = undefined;
    },
    text,
    value: value as Redactor['value'],
  };
}

/** For responses from clients that hold no secrets. */
export const noRedaction: Redactor = { add() {}, forget() {}, text: (t) => t, value: (v) => v };
