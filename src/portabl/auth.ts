// Access tokens for the Portabl client: obtained with the token operation (createAccessToken), cached until
// shortly before they expire, fetched once for any number of concurrent callers, and refreshed once when the API
// refuses one. The client secret goes into the token request body and nowhere else; every secret and token the
// manager sees is registered with the client's redactor, so no error it throws can quote one.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from '../../generated/portabl/schema.js';
import { ApiError } from '../errors.js';
import { createRedactor, MIN_SECRET_LENGTH, type Redactor } from '../redaction.js';
import { patternOfRule } from '../runtime-spec.js';
import { MAX_LISTED_ISSUES, toPropertyIssues, type ValidateFunction } from '../schema-issues.js';
import { untilAborted } from '../transport/abort.js';
import type { Clock } from '../transport/clock.js';
import { whenReplaced } from '../transport/deferred-body.js';
import type { Credential, FetchFunction, Transport } from '../transport/fetch.js';
import { portablRuntime } from './runtime.js';

type AccessToken = components['schemas']['AccessToken'];
export type PortablScopes = NonNullable<components['schemas']['AccessTokenRequest']['scopes']>;

// The whole answer is checked, after the fields the manager relies on, by the AccessToken schema compiled at build
// time: small, loaded with the first token request.
let tokenValidator: Promise<ValidateFunction> | undefined;
const loadTokenValidator = () =>
  (tokenValidator ??= import('../../generated/portabl/validators/token.js').then(
    (m) => m.validate as ValidateFunction,
  ));
const TOKEN_FIELDS = ['accessToken', 'refreshToken', 'idToken'] as const;

// Renew this long before expiry, so a token never expires between our check and the server's.
const DEFAULT_SKEW_MS = 60_000;

/** The token operation answered with an error status (e.g. 401 for a wrong client id or secret). */
export class TokenRequestError extends ApiError<operations['createAccessToken']> {
  override readonly name: string = 'TokenRequestError';
}

/** The token operation answered 2xx, but not with a usable token. The message names the field, never its value. */
export class TokenResponseError extends Error {
  override readonly name = 'TokenResponseError';
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(`createAccessToken answered HTTP ${status} without a usable token: ${reason}`);
  }
}

export interface TokenManagerOptions {
  clientId: string;
  clientSecret: string;
  scopes: PortablScopes | undefined;
  baseUrl: string;
  /** The transport for the token request (it may retry this POST; see client.ts). */
  transport: FetchFunction;
  clock: Clock;
  redactor: Redactor;
  /** Response middleware of the client (operation names, opt-in validation) applied to the token response too. */
  middleware: Middleware[];
  skewMs?: number;
}

export interface TokenManager {
  /** A valid access token: the cached one, or a new one; concurrent callers share one token request. */
  get(signal?: AbortSignal): Promise<string>;
  /** The cached token while it is still used, without waiting; undefined when get() would request one. */
  current(): string | undefined;
  /** Forgets `token` if it is still the cached one, because the API refused it. */
  invalidate(token: string): void;
}

interface CachedToken {
  value: string;
  /** When to stop using it: expiry minus the skew. */
  renewAt: number;
}

/**
 * Checks the fields the manager relies on, so a malformed answer fails here with a clear reason. Any token in
 * the answer is registered with the redactor first, even from an answer that is then rejected.
 */
function usableToken(
  status: number,
  text: string,
  redactor: Redactor,
  tokenPattern: RegExp,
  validate: ValidateFunction,
): AccessToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text, which may contain the token: do not pass it on.
    throw new TokenResponseError(status, 'the body is not JSON');
  }
  const token = parsed as Partial<Record<keyof AccessToken, unknown>> | null;
  if (typeof token !== 'object' || token === null || Array.isArray(token))
    throw new TokenResponseError(status, 'the body is not an object');
  // Registered before any check, so no later error quotes them; a value too short to redact safely is refused
  // below instead (registering it would rewrite ordinary text, see redaction.ts).
  for (const field of TOKEN_FIELDS) {
    const secret = token[field];
    if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) redactor.add(secret);
  }
  if (typeof token.accessToken !== 'string' || token.accessToken === '') {
    throw new TokenResponseError(status, 'accessToken is missing or not a non-empty string');
  }
  // Checked here, not left to Headers.set: its TypeError would quote the header value, token included.
  if (!tokenPattern.test(token.accessToken)) {
    throw new TokenResponseError(
      status,
      'accessToken has characters an Authorization header cannot carry (RFC 6750 b64token: letters, digits, -._~+/ then optional =)',
    );
  }
  if (typeof token.expiresIn !== 'number' || !Number.isFinite(token.expiresIn) || token.expiresIn <= 0) {
    throw new TokenResponseError(status, 'expiresIn is missing or not a positive number of seconds');
  }
  if (token.tokenType !== undefined && String(token.tokenType).toLowerCase() !== 'bearer') {
    throw new TokenResponseError(status, 'tokenType is not "Bearer"');
  }
  // The spec's rules for the whole answer: expiresIn an integer from 1 s to a year, `scope` present, each token
  // within 8,192 characters... Ajv's messages name the rule and the field, never the value.
  const issues = validate(token) ? [] : toPropertyIssues(validate.errors).slice(0, Math.min(5, MAX_LISTED_ISSUES));
  if (issues.length) {
    throw new TokenResponseError(
      status,
      `the answer breaks the spec's AccessToken schema: ${issues.map((i) => `${i.path || '(body)'} ${i.message}`).join('; ')}`,
    );
  }
  const probe = createRedactor();
  for (const field of TOKEN_FIELDS) {
    const secret = token[field];
    if (typeof secret !== 'string') continue;
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new TokenResponseError(
        status,
        `${field} is shorter than ${MIN_SECRET_LENGTH} characters, too short to keep out of error text without rewriting it`,
      );
    }
    probe.add(secret);
  }
  if (portablRuntime.constants.some((constant) => probe.text(constant) !== constant)) {
    throw new TokenResponseError(
      status,
      'a token occurs inside a value the spec documents (such as an error code), so it could not be kept out of error text without rewriting it',
    );
  }
  return token as AccessToken;
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { clock, redactor } = options;
  const skewMs = options.skewMs ?? DEFAULT_SKEW_MS;
  redactor.add(options.clientSecret);
  const tokenPattern = patternOfRule(portablRuntime, 'accessToken');
  // The client's `headers` option is not sent here: it is meant for the caller's calls (a `Prefer: code=404` for
  // every call against the mock would turn the token request into a 404 too).
  const tokenClient = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.transport });
  tokenClient.use(...options.middleware);

  let cached: CachedToken | undefined;
  let inFlight: Promise<string> | undefined;
  /** Access tokens still redacted, with when they stop granting anything. */
  let live: { value: string; deadAt: number }[] = [];

  /**
   * Keeps the redactor from growing with every refresh: an access token past its expiry (measured from when its
   * answer arrived, plus the skew for clock differences with the server) no longer authenticates anything, so it
   * stops being redacted. Refresh and id tokens, which may live longer or carry identity data, are never dropped.
   */
  function forgetDeadTokens(added: string, deadAt: number): void {
    const now = clock.now();
    for (const token of live) if (token.deadAt <= now && token.value !== added) redactor.forget(token.value);
    live = [...live.filter((t) => t.deadAt > now && t.value !== added), { value: added, deadAt }];
  }

  async function requestToken(): Promise<string> {
    const requestedAt = clock.now();
    const body = {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      ...(options.scopes ? { scopes: options.scopes } : {}),
    };
    // parseAs text: openapi-fetch's JSON.parse would quote a malformed body (and the token in it) in its error.
    const { data, error, response } = await tokenClient.POST('/provider/token', { body, parseAs: 'text' });
    if (!response.ok) {
      throw new TokenRequestError({
        status: response.status,
        body: error,
        operation: 'createAccessToken',
        headers: response.headers,
        redactor,
      });
    }
    const token = usableToken(response.status, data ?? '', redactor, tokenPattern, await loadTokenValidator());
    const lifetimeMs = token.expiresIn * 1000;
    forgetDeadTokens(token.accessToken, clock.now() + lifetimeMs + skewMs);
    // A short-lived token keeps at least half its life, instead of being renewed on every call.
    cached = { value: token.accessToken, renewAt: requestedAt + lifetimeMs - Math.min(skewMs, lifetimeMs / 2) };
    return token.accessToken;
  }

  function current(): string | undefined {
    return cached && clock.now() < cached.renewAt ? cached.value : undefined;
  }
  return {
    current,
    get(signal) {
      const usable = current();
      if (usable !== undefined) return Promise.resolve(usable);
      // A caller that has already given up does not start a token request nobody would wait for.
      if (signal?.aborted) return Promise.reject(signal.reason);
      inFlight ??= requestToken().finally(() => {
        inFlight = undefined;
      });
      // One caller giving up must not cancel the request the others share: only this caller's wait ends.
      return signal ? untilAborted(inFlight, signal) : inFlight;
    },
    invalidate(token) {
      if (cached?.value === token) cached = undefined;
    },
  };
}

/**
 * Sends each API request with `Authorization: Bearer <token>`. On a 401 it drops that token, gets another
 * (shared with any concurrent caller that also got a 401) and resends once; a second 401 is the answer.
 */
export function bearerTokenFetch(transport: Transport, tokens: TokenManager): FetchFunction {
  // The transport adds the header to the Request each attempt builds: the original (and its body) stays unsent for a
  // resend, and middleware, which openapi-fetch hands the original, never sees a token.
  // The header of the token last used, built once per token rather than once per call.
  let lastToken: string | undefined;
  let last: Credential = ['authorization', ''];
  const credentialOf = (token: string): Credential => {
    if (token !== lastToken) [lastToken, last] = [token, ['authorization', `Bearer ${token}`]];
    return last;
  };
  return async (request) => {
    // A cached token is used at once: no promise to wait on in the common case.
    const token = tokens.current() ?? (await tokens.get(request.signal));
    const first = await transport(request, credentialOf(token));
    const refreshed = async () => {
      tokens.invalidate(token);
      const fresh = await tokens.get(request.signal);
      return transport(request, credentialOf(fresh));
    };
    if (first.status === 401) return refreshed();
    // A body that breaks off is sent again below us (transport/fetch.ts): a 401 there is refreshed the same way.
    whenReplaced(first, (next) => (next.status === 401 ? refreshed() : next));
    return first;
  };
}
