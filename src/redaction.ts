// Keeps credentials out of anything a client throws or returns as an error. A server may echo what it received (a
// validation error quoting the request body, a debug page quoting headers), and such text ends up in error messages
// and bodies. Every secret a client holds is registered here, and error text and bodies pass through it first.
//
// The rule (README, "redaction, one rule"):
// - a secret is matched in every form an echo can give it, character by character: as sent; JSON-escaped, up to
//   four string layers deep (a JSON document quoted inside a JSON string: `\"`, `\\\"`, `\u0041`, `\/`); percent-encoded
//   (upper or lower case hex, `+` for a space, encoded twice as `%2541`); HTML-escaped (`&amp;`, `&quot;`, `&#39;`,
//   `&#x27;`...); and any mix of those. Each match becomes [REDACTED]. The search is linear in the text (a budget;
//   past it the whole text is withheld, so a pathological text costs time, never a leak);
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
 * more forms, and any mix of them (see redactEchoes).
 */
export function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const percent = encodeURIComponent(secret);
  return [...new Set([secret, json, json.replace(/\//g, '\\/'), percent, percent.replace(/%20/g, '+')])];
}

// Backslashes tolerated before an escape: the escapes of up to four nested string layers (a JSON document quoted
// in a JSON string, quoted again...: `\"`, `\\\"`, `\\\\\\\"`). Bounded so that a run of backslashes costs constant
// work per position.
const MAX_BACKSLASHES = 16;
// `%25` repetitions tolerated before a percent-encoded byte (a value encoded twice, thrice...).
const MAX_PERCENT_LAYERS = 4;
// `amp;` repetitions tolerated after `&` (a value HTML-escaped more than once).
const MAX_AMP_LAYERS = 4;
const HTML_NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const ENCODER = new TextEncoder();
const UTF8 = new Map<string, Uint8Array>();
const utf8 = (char: string) => {
  let bytes = UTF8.get(char);
  if (!bytes) {
    bytes = ENCODER.encode(char);
    UTF8.set(char, bytes);
  }
  return bytes;
};
const isHex = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0) | 0x20;
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66);
};

/** Length of the run of backslashes at `p` (at most MAX_BACKSLASHES + 1). */
function backslashes(text: string, p: number): number {
  let n = 0;
  while (n <= MAX_BACKSLASHES && text.charCodeAt(p + n) === 0x5c) n++;
  return n;
}

/**
 * Every position where an encoding of `char` that starts at `p` ends: as sent; JSON/JavaScript escapes (`\uXXXX`,
 * `\"`, `\/`, `\'`, a doubled backslash) behind further backslashes; percent-encoding of each UTF-8 byte (also
 * encoded again as `%25XX`, `+` for a space); HTML references (named, decimal, hexadecimal, after `&amp;`s, behind
 * backslashes). Character by character, so any mix of forms is matched.
 */
function encodingEnds(text: string, p: number, char: string): number[] {
  const first = text[p];
  // Every encoded form starts with one of these; anywhere else only the character itself can match.
  if (first !== '\\' && first !== '%' && first !== '&' && first !== '+')
    return text.startsWith(char, p) ? [p + char.length] : [];
  const ends: number[] = [];
  if (text.startsWith(char, p)) ends.push(p + char.length);
  const run = backslashes(text, p);
  if (char === '\\') {
    // A backslash escaped by n layers is 2^n backslashes.
    for (let n = 2; n <= run && n <= MAX_BACKSLASHES; n *= 2) ends.push(p + n);
  }
  if (run >= 1 && run <= MAX_BACKSLASHES) {
    const at = p + run;
    if ((char === '"' || char === '/' || char === "'") && text[at] === char) ends.push(at + 1);
    // \uXXXX for each UTF-16 unit (a pair of them beyond the BMP), each behind its own backslashes.
    let q = p;
    let ok = true;
    for (let u = 0; u < char.length && ok; u++) {
      const k = backslashes(text, q);
      const hex = text.slice(q + k + 1, q + k + 5);
      ok =
        k >= 1 &&
        k <= MAX_BACKSLASHES &&
        text[q + k] === 'u' &&
        hex.length === 4 &&
        [...hex].every(isHex) &&
        parseInt(hex, 16) === char.charCodeAt(u);
      q += k + 5;
    }
    if (ok) ends.push(q);
  }
  if (text[p] === '%' || (char === ' ' && text[p] === '+')) {
    if (char === ' ' && text[p] === '+') ends.push(p + 1);
    let q = p;
    let ok = true;
    for (const byte of utf8(char)) {
      if (text[q] !== '%') {
        ok = false;
        break;
      }
      q++;
      for (
        let layer = 0;
        layer < MAX_PERCENT_LAYERS && text.startsWith('25', q) && isHex(text[q + 2]) && isHex(text[q + 3]);
        layer++
      )
        q += 2;
      if (!(isHex(text[q]) && isHex(text[q + 1]) && parseInt(text.slice(q, q + 2), 16) === byte)) {
        ok = false;
        break;
      }
      q += 2;
    }
    if (ok) ends.push(q);
  }
  const amp = p + (run <= MAX_BACKSLASHES ? run : 0);
  if (text[amp] === '&') {
    let q = amp + 1;
    let layers = 0;
    while (layers < MAX_AMP_LAYERS && text.startsWith('amp;', q)) {
      q += 4;
      layers++;
    }
    // `&amp;` (or `&amp;amp;`) is itself the encoding of `&`.
    if (char === '&' && layers > 0) ends.push(q);
    const semi = text.indexOf(';', q);
    if (semi > q && semi - q <= 10) {
      const name = text.slice(q, semi);
      const decoded = /^#[0-9]+$/.test(name)
        ? String.fromCodePoint(Math.min(parseInt(name.slice(1), 10), 0x10ffff))
        : /^#[xX][0-9a-fA-F]+$/.test(name)
          ? String.fromCodePoint(Math.min(parseInt(name.slice(2), 16), 0x10ffff))
          : HTML_NAMED[name];
      if (decoded === char) ends.push(semi + 1);
    }
  }
  return ends;
}

/** Thrown when matching would cost more than its budget (a pathological text or secret). */
class OverBudget {}

/** Where an echo of `secret` (any mix of its encoded forms) starting at `p` ends, or -1. */
function matchAt(text: string, p: number, chars: readonly string[], budget: { left: number }): number {
  // Depth-first over (position, character index); each state is visited once, so ambiguous forms (a raw `%` or
  // the start of `%25`) cost little.
  let seen: Set<number> | undefined;
  const stack: [number, number][] = [[p, 0]];
  const width = chars.length + 1;
  while (stack.length) {
    if (--budget.left < 0) throw new OverBudget();
    const [q, i] = stack.pop()!;
    if (i === chars.length) return q;
    const ends = encodingEnds(text, q, chars[i]!);
    if (ends.length === 1) {
      stack.push([ends[0]!, i + 1]);
      continue;
    }
    for (const end of ends) {
      const key = end * width + i + 1;
      seen ??= new Set();
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push([end, i + 1]);
    }
  }
  return -1;
}

/** The spans [start, end) of `text` that echo one of `secrets` (longest secrets first, no overlaps). */
function echoSpans(text: string, secrets: readonly (readonly string[])[]): [number, number][] {
  const spans: [number, number][] = [];
  const taken = (a: number, b: number) => spans.some(([s, e]) => a < e && s < b);
  // Linear in the text: a degenerate secret (`AAAA...`) against a text that repeats its prefix would otherwise
  // cost text × secret; past the budget the whole text is withheld (see redactEchoes).
  const budget = { left: 16 * text.length + 4 * secrets.reduce((n, s) => n + s.length, 0) + 10_000 };
  for (const chars of secrets) {
    const first = chars[0]!;
    for (let p = 0; p < text.length; p++) {
      const c = text[p];
      // Only where an encoding of the first character can begin.
      if (c !== first[0] && c !== '\\' && c !== '%' && c !== '&' && c !== '+') continue;
      const end = matchAt(text, p, chars, budget);
      if (end > p && !taken(p, end)) {
        spans.push([p, end]);
        p = end - 1;
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** What replaces a text too costly to search for echoes: nothing of it is kept, so nothing can leak. */
export const WITHHELD = '[REDACTED: text withheld, too costly to search for credentials]';

/** Secrets as echoSpans reads them: longest first (a secret containing another is replaced whole), as characters. */
function prepare(secrets: Iterable<string>): string[][] {
  return [...secrets].sort((a, b) => b.length - a.length).map((s) => [...s]);
}

/** `text` with every echo of `secrets` replaced by [REDACTED]. */
export function redactEchoes(text: string, secrets: readonly string[] | readonly (readonly string[])[]): string {
  if (secrets.length === 0 || text === '') return text;
  const prepared =
    typeof secrets[0] === 'string'
      ? prepare(secrets as readonly string[])
      : (secrets as readonly (readonly string[])[]);
  let spans: [number, number][];
  try {
    spans = echoSpans(text, prepared);
  } catch (error) {
    if (error instanceof OverBudget) return WITHHELD;
    throw error;
  }
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + REDACTED;
    at = end;
  }
  return out + text.slice(at);
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
  const stack: { source: unknown; target: Record<string, unknown> | unknown[]; key: string | number }[] = [
    { source: input, target: root, key: 0 },
  ];
  while (stack.length) {
    const { source, target, key } = stack.pop()!;
    let copy: unknown;
    if (typeof source === 'string') copy = map(source);
    else if (Array.isArray(source)) {
      const items: unknown[] = new Array(source.length);
      source.forEach((item, i) => {
        stack.push({ source: item, target: items, key: i });
      });
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
  // Prepared once per change of the set, not on every redaction.
  let prepared: string[][] | undefined;
  const text = (input: string): string => {
    prepared ??= prepare(secrets);
    return redactEchoes(input, prepared);
  };
  return {
    add(secret) {
      if (secret && !secrets.has(secret)) {
        secrets.add(secret);
        prepared = undefined;
      }
    },
    forget(secret) {
      if (secrets.delete(secret)) prepared = undefined;
    },
    text,
    value: ((input: unknown) => mapStrings(input, text)) as Redactor['value'],
  };
}

/** For responses from clients that hold no secrets. */
export const noRedaction: Redactor = { add() {}, forget() {}, text: (t) => t, value: (v) => v };
