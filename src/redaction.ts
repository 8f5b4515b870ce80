// Keeps credentials out of anything a client throws or returns as an error. A server may echo what it received (a
// validation error quoting the request body, a debug page quoting headers), and such text ends up in error messages
// and bodies. Every secret a client holds is registered here, and error text and bodies pass through it first.
//
// The rule (README, "credentials stay where they belong"):
// - a secret is matched in every form an echo can give it, character by character: as sent; JSON-escaped, at any
//   depth of nesting (a JSON document quoted inside a JSON string: `\"`, `\\\"`, `\u0041`, `\/`); percent-encoded
//   (upper or lower case hex, `+` for a space, encoded twice as `%2541`); HTML-escaped (`&amp;`, `&quot;`, `&#39;`,
//   `&#x27;`...); and any mix of those. Each match becomes [REDACTED];
// - so that redaction never rewrites what a caller narrows on, a client refuses (ClientOptionsError) a credential
//   shorter than MIN_SECRET_LENGTH or one that occurs in a constant the spec documents (an error `code`, an enum
//   value); a token the server issues is held to the same rule (TokenResponseError). An error's `code` is therefore
//   never altered, while any free text that quotes a secret is.

export const REDACTED = '[REDACTED]';

/**
 * The shortest credential a client accepts. Shorter values occur by chance in ordinary text (`apiKey: 'found'` in
 * `identity_not_found`), so redacting them would rewrite data; no real API key, secret or token is that short.
 */
export const MIN_SECRET_LENGTH = 12;

export interface Redactor {
  /** Registers a value that must never appear in thrown text (client secret, API key, each token received). */
  add(secret: string | undefined): void;
  /**
   * Stops redacting `secret`. Only for a value that no longer grants anything (an access token past its expiry),
   * so that a long-lived client does not redact an ever-growing list of dead tokens.
   */
  forget(secret: string): void;
  /** `text` with every registered secret, in every echoed form, replaced by [REDACTED]. */
  text(text: string): string;
  /** A deep copy of a JSON value with every string redacted (keys included). Iterative: any depth is fine. */
  value<T>(value: T): T;
}

/**
 * The literal forms in which a server's echo commonly quotes a secret: as sent, JSON-escaped (also with `/`
 * escaped), percent-encoded (with spaces as `+` too). Kept for callers of 0.1; the redactor itself matches far
 * more forms (see echoPattern).
 */
export function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const percent = encodeURIComponent(secret);
  return [...new Set([secret, json, json.replace(/\//g, '\\/'), percent, percent.replace(/%20/g, '+')])];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A hex digit pair matched in either case: 2f → 2[fF]. */
const hexPair = (byte: number) =>
  byte
    .toString(16)
    .padStart(2, '0')
    .split('')
    .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('');
const hex4 = (code: number) =>
  code
    .toString(16)
    .padStart(4, '0')
    .split('')
    .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('');

const HTML_NAMED: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };
// Escaping layers a match tolerates (a JSON string inside a JSON string inside...). Bounded so that a run of
// backslashes costs constant work per position.
const MAX_LAYERS = 8;

/** One character of a secret, in every form an echo can give it. */
function charPattern(char: string): string {
  const code = char.codePointAt(0)!;
  const forms = [escapeRegExp(char)];
  // JSON / JavaScript escapes, behind up to MAX_LAYERS backslashes of outer string layers.
  const layers = `\\\\{0,${MAX_LAYERS * 2}}`;
  if (code <= 0xffff) forms.push(`${layers}\\\\u${hex4(code)}`);
  if (char === '"' || char === '/' || char === "'") forms.push(`${layers}\\\\${escapeRegExp(char)}`);
  if (char === '\\') forms.push(`\\\\{2,${2 ** MAX_LAYERS}}`);
  // Percent-encoding of each UTF-8 byte, once or twice (%25XX).
  const bytes = [...new TextEncoder().encode(char)];
  forms.push(bytes.map((b) => `%(?:25)?${hexPair(b)}`).join(''));
  if (char === ' ') forms.push('\\+');
  // HTML character references: named, decimal, hexadecimal (leading zeros allowed), and `&amp;` before any of them.
  const named = HTML_NAMED[char];
  const entity = `(?:${named ? `${named}|` : ''}#0*${code}|#[xX]0*${code
    .toString(16)
    .split('')
    .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('')});`;
  // Behind backslashes too: an HTML page quoting a JSON-escaped value (`\&quot;`).
  forms.push(`${layers}&(?:amp;)?${entity}`);
  return `(?:${forms.join('|')})`;
}

/** A regular expression source matching `secret` in any mix of its echoed forms. */
export function echoPattern(secret: string): string {
  return [...secret].map(charPattern).join('');
}

/**
 * A deep copy of a JSON-like value with `map` applied to every string (keys included), built without recursion
 * so that a body nested to any depth is copied rather than overflowing the stack.
 */
export function mapStrings(input: unknown, map: (text: string) => string): unknown {
  if (typeof input === 'string') return map(input);
  if (input === null || typeof input !== 'object') return input;
  const root: unknown[] = [undefined];
  // Each entry: a source container and where its copy goes.
  const stack: { source: unknown; target: Record<string, unknown> | unknown[]; key: string | number }[] = [{ source: input, target: root, key: 0 }];
  while (stack.length) {
    const { source, target, key } = stack.pop()!;
    let copy: unknown;
    if (typeof source === 'string') copy = map(source);
    else if (Array.isArray(source)) {
      const items: unknown[] = new Array(source.length);
      source.forEach((item, i) => stack.push({ source: item, target: items, key: i }));
      copy = items;
    } else if (source !== null && typeof source === 'object') {
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(source)) stack.push({ source: v, target: fields, key: map(k) });
      copy = fields;
    } else copy = source;
    (target as Record<string | number, unknown>)[key] = copy;
  }
  return root[0];
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  // One expression for all secrets, longest first so a secret that contains another is replaced whole; rebuilt
  // when the set changes, not on every redaction.
  let matcher: RegExp | null | undefined;
  const text = (input: string): string => {
    if (matcher === undefined) {
      const sources = [...secrets].sort((a, b) => b.length - a.length).map(echoPattern);
      matcher = sources.length ? new RegExp(sources.join('|'), 'g') : null;
    }
    return matcher ? input.replace(matcher, REDACTED) : input;
  };
  return {
    add(secret) {
      if (secret && !secrets.has(secret)) {
        secrets.add(secret);
        matcher = undefined;
      }
    },
    forget(secret) {
      if (secrets.delete(secret)) matcher = undefined;
    },
    text,
    value: ((input: unknown) => mapStrings(input, text)) as Redactor['value'],
  };
}

/** For responses from clients that hold no secrets. */
export const noRedaction: Redactor = { add() {}, forget() {}, text: (t) => t, value: (v) => v };
