// Checks of the options both clients share. Each failure names the client, the option and what is wrong,
// and never echoes a value that could be a credential (only its type).

import { createRedactor, MIN_SECRET_LENGTH } from './redaction.js';
import type { RuntimeSpec } from './runtime-spec.js';
import type { Clock } from './transport/clock.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type FetchFunction } from './transport/fetch.js';
import { DEFAULT_RETRY, NO_RETRY, type RetryOptions } from './transport/retry-policy.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
// setTimeout (behind AbortSignal.timeout) overflows above 2^31-1 ms and then fires at once.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const MAX_ATTEMPTS = 10;
// The largest body one ArrayBuffer holds everywhere the clients run (2 GiB - 1).
const MAX_RESPONSE_BYTES = 2 ** 31 - 1;

/** An option given to createPortablClient or createIdentityClient is missing or invalid. */
export class ClientOptionsError extends TypeError {
  override readonly name = 'ClientOptionsError';
}

/** `false` turns retries off; an object overrides some of the defaults (3 attempts, 250 ms base, 10 s cap). */
export type RetrySetting = false | Partial<RetryOptions>;

/** Options every client takes besides its credentials. */
export interface CommonClientOptions {
  /** Overrides `server`: an absolute http(s) URL, e.g. a local mock. */
  baseUrl?: string;
  /** Sends one request (default: the global fetch). */
  fetch?: FetchFunction;
  /** Deadline of each attempt in ms (default 30000). A timed-out attempt is not retried. */
  timeoutMs?: number;
  /** Retries of idempotent requests on 429, 502, 503, 504 and network errors. */
  retry?: RetrySetting;
  /** Check every response body against the bundled spec; a mismatch throws ResponseValidationError. */
  validateResponses?: boolean;
  /**
   * Check every request (path and query parameters, body) against the bundled spec before it is sent; a mismatch
   * throws RequestValidationError listing each JSON path, and nothing is sent. Loads Ajv on first use, like
   * `validateResponses`. Default false.
   */
  validateRequests?: boolean;
  /**
   * Largest response body the client reads, in bytes (default 32 MiB, DEFAULT_MAX_RESPONSE_BYTES): enforced while the
   * body streams in, a larger one fails with ResponseTooLargeError. Raise it for a very large `all=true` list.
   */
  maxResponseBytes?: number;
  /**
   * Headers sent with every call (a correlation id, `Prefer`), as openapi-fetch's `headers` option: an object,
   * a Headers, or [name, value] pairs; a call's own `headers` win. Not sent with Portabl's token request, which the
   * client makes for itself. The credential header (`apikey`, `Authorization`) cannot be set here
   * (ClientOptionsError): the client sets it itself, below openapi-fetch, on each request it sends.
   * @example createIdentityClient({ apiKey, headers: { 'x-correlation-id': 'abc-123' } })
   */
  headers?: HeadersInit;
  /** Time source for tests: backoff sleeps, deadlines and token expiry. */
  clock?: Clock;
}

export interface ResolvedCommonOptions {
  baseUrl: string | undefined;
  fetch: FetchFunction | undefined;
  timeoutMs: number;
  retry: RetryOptions;
  validateResponses: boolean;
  validateRequests: boolean;
  maxResponseBytes: number;
  headers: Headers;
  clock: Clock | undefined;
}

/** `typeof`, except that null and arrays are told apart: used in messages instead of the value itself. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

export function fail(client: string, message: string): never {
  throw new ClientOptionsError(`${client}: ${message}`);
}

export function requireOptionsObject(client: string, options: unknown): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail(client, `options must be an object (got ${describeType(options)})`);
  }
  return options as Record<string, unknown>;
}

/** Rejects misspelt option names (`clientID`) that TypeScript would catch but plain JavaScript would not. */
export function rejectUnknownKeys(client: string, options: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(options).filter((k) => !known.includes(k));
  if (unknown.length)
    fail(
      client,
      `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; known: ${known.join(', ')}`,
    );
}

/** A credential string: present, a string, not blank. Its value never appears in the message. */
export function requireSecretString(client: string, name: string, value: unknown): string {
  if (typeof value !== 'string') fail(client, `${name} is required and must be a string (got ${describeType(value)})`);
  if (value.trim() === '') fail(client, `${name} must not be empty or blank`);
  return value;
}

/**
 * A credential sent as a header value. Checked here because Headers.set's TypeError for a bad value quotes it.
 * Leading or trailing whitespace is refused rather than trimmed: fetch would trim it on the wire, so the key sent
 * would differ from the one given (and registered for redaction), and a stray line break from a file or an
 * environment variable is a mistake worth reporting, not a value to repair silently.
 */
export function requireHeaderSecret(client: string, name: string, value: unknown): string {
  const secret = requireSecretString(client, name, value);
  if (secret !== secret.trim()) {
    fail(
      client,
      `${name} must not start or end with whitespace (a line break copied from a file or an environment variable?)`,
    );
  }
  // Visible ASCII, spaces only inside: what a header value carries unchanged in every runtime.
  if (!/^[\x21-\x7E]([\x20-\x7E]*[\x21-\x7E])?$/.test(secret)) {
    fail(client, `${name} must contain only printable ASCII characters (it has a control or non-ASCII character)`);
  }
  return secret;
}

/**
 * A credential the client redacts from errors: long enough not to occur in ordinary text by chance, and not part
 * of any constant the spec documents (an error code), so that redacting it never rewrites a value a caller
 * narrows on (see redaction.ts). Neither the value nor the constant it occurs in is quoted.
 */
export function requireRedactableSecret(client: string, name: string, secret: string, spec: RuntimeSpec): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    fail(
      client,
      `${name} is shorter than ${MIN_SECRET_LENGTH} characters: too short to be a real credential, and short enough to occur in ordinary text, which redacting it from errors would rewrite`,
    );
  }
  const probe = createRedactor();
  probe.add(secret);
  if (spec.constants.some((constant) => probe.text(constant) !== constant)) {
    fail(
      client,
      `${name} occurs inside a value the spec documents (such as an error code), which redacting it from errors would rewrite; it cannot be a real credential`,
    );
  }
  return secret;
}

/** The `headers` option: anything `new Headers()` takes, without the credential header. Values are never quoted. */
export function resolveHeaders(client: string, value: unknown, credentialHeader: string): Headers {
  if (value === undefined) return new Headers();
  if (typeof value !== 'object' || value === null)
    fail(client, `headers must be an object, a Headers or [name, value] pairs (got ${describeType(value)})`);
  let headers: Headers;
  try {
    headers = new Headers(value as HeadersInit);
  } catch {
    // Headers' own TypeError quotes the value, which may be a secret.
    fail(
      client,
      'headers has a name or value a header cannot carry (a control character, a line break, or a pair that is not [name, value])',
    );
  }
  if (headers.has(credentialHeader)) {
    fail(
      client,
      `headers must not set "${credentialHeader}": the client sets its credential header itself, on each request it sends`,
    );
  }
  return headers;
}

/** A whole number of `unit` (e.g. "ms") from 1 to `max`, or `fallback` when not given. */
function positiveInteger(client: string, name: string, value: unknown, unit: string, max: number, fallback: number) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    fail(
      client,
      `${name} must be an integer number of ${unit} from 1 to ${max} (got ${typeof value === 'number' ? value : describeType(value)})`,
    );
  }
  return value;
}

export function resolveMaxResponseBytes(client: string, value: unknown): number {
  return positiveInteger(client, 'maxResponseBytes', value, 'bytes', MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES);
}

export function resolveBaseUrl(client: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(client, `baseUrl must be a string (got ${describeType(value)})`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(client, 'baseUrl must be an absolute URL such as "http://127.0.0.1:4010" (it could not be parsed)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(client, `baseUrl must use http or https (got "${url.protocol}")`);
  // Credentials in a URL end up in logs and error messages; the clients carry their own.
  if (url.username || url.password)
    fail(client, 'baseUrl must not contain user info (user:password@); pass credentials as options');
  // The raw text, not url.search/url.hash: those are '' for a bare trailing "?" or "#", which would still end up
  // in front of every request path.
  if (value.includes('?') || value.includes('#'))
    fail(client, 'baseUrl must not contain a query string or fragment ("?" or "#")');
  return value;
}

export function resolveRetry(client: string, value: unknown): RetryOptions {
  if (value === undefined) return { ...DEFAULT_RETRY };
  if (value === false) return { ...NO_RETRY };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(client, `retry must be false or an object {attempts, baseDelayMs, maxDelayMs} (got ${describeType(value)})`);
  }
  const given = value as Record<string, unknown>;
  rejectUnknownKeys(client, given, ['attempts', 'baseDelayMs', 'maxDelayMs']);
  // `{attempts: undefined}` is allowed by the type (Partial) and means "the default", as a missing key does.
  const set = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const retry = { ...DEFAULT_RETRY, ...set } as Record<keyof RetryOptions, unknown>;
  const { attempts, baseDelayMs, maxDelayMs } = retry;
  if (!Number.isInteger(attempts) || (attempts as number) < 1 || (attempts as number) > MAX_ATTEMPTS) {
    fail(client, `retry.attempts must be an integer from 1 to ${MAX_ATTEMPTS} (got ${String(attempts)})`);
  }
  for (const [name, ms] of [
    ['baseDelayMs', baseDelayMs],
    ['maxDelayMs', maxDelayMs],
  ] as const) {
    if (!Number.isInteger(ms) || (ms as number) < 0 || (ms as number) > MAX_TIMEOUT_MS) {
      fail(client, `retry.${name} must be an integer number of ms from 0 to ${MAX_TIMEOUT_MS} (got ${String(ms)})`);
    }
  }
  if ((maxDelayMs as number) < (baseDelayMs as number)) {
    fail(
      client,
      `retry.maxDelayMs (${String(maxDelayMs)}) must not be less than retry.baseDelayMs (${String(baseDelayMs)})`,
    );
  }
  return retry as RetryOptions;
}

export function resolveTimeout(client: string, value: unknown): number {
  return positiveInteger(client, 'timeoutMs', value, 'ms', MAX_TIMEOUT_MS, DEFAULT_TIMEOUT_MS);
}

function resolveFunction<T>(client: string, name: string, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') fail(client, `${name} must be a function (got ${describeType(value)})`);
  return value as T;
}

function resolveClock(client: string, value: unknown): Clock | undefined {
  if (value === undefined) return undefined;
  const clock = value as Partial<Clock> | null;
  if (
    typeof clock !== 'object' ||
    clock === null ||
    typeof clock.now !== 'function' ||
    typeof clock.sleep !== 'function' ||
    typeof clock.deadline !== 'function'
  ) {
    fail(client, 'clock must be an object with now(), sleep(ms, signal) and deadline(ms) functions');
  }
  return clock as Clock;
}

export const COMMON_OPTION_NAMES = [
  'baseUrl',
  'fetch',
  'timeoutMs',
  'retry',
  'validateResponses',
  'validateRequests',
  'maxResponseBytes',
  'headers',
  'clock',
] as const;

function resolveBoolean(client: string, name: string, value: unknown): boolean {
  if (value !== undefined && typeof value !== 'boolean')
    fail(client, `${name} must be a boolean (got ${describeType(value)})`);
  return value === true;
}

/** Every common option, checked; `credentialHeader` is the header the client's credential travels in. */
export function resolveCommonOptions(
  client: string,
  options: Record<string, unknown>,
  credentialHeader: string,
): ResolvedCommonOptions {
  const validate = resolveBoolean(client, 'validateResponses', options['validateResponses']);
  return {
    baseUrl: resolveBaseUrl(client, options['baseUrl']),
    fetch: resolveFunction<FetchFunction>(client, 'fetch', options['fetch']),
    timeoutMs: resolveTimeout(client, options['timeoutMs']),
    retry: resolveRetry(client, options['retry']),
    validateResponses: validate,
    validateRequests: resolveBoolean(client, 'validateRequests', options['validateRequests']),
    maxResponseBytes: resolveMaxResponseBytes(client, options['maxResponseBytes']),
    headers: resolveHeaders(client, options['headers'], credentialHeader),
    clock: resolveClock(client, options['clock']),
  };
}
