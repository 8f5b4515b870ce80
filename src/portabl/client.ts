// createPortablClient: an openapi-fetch client typed by the Portabl spec, that authenticates itself.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/portabl/schema.js';
import { defineClient } from '../client-assembly.js';
import {
  type CommonClientOptions,
  describeType,
  fail,
  requireRedactableSecret,
  requireSecretString,
} from '../options.js';
import { patternOfRule, ruleOf } from '../runtime-spec.js';
import { IDEMPOTENT_METHODS, TRANSIENT_STATUSES } from '../transport/retry-policy.js';
import { bearerTokenFetch, createTokenManager, type PortablScopes } from './auth.js';
import { portablRuntime, portablValidators } from './runtime.js';

const CLIENT = 'createPortablClient';
/** In the order of the spec's servers; the first is the default. */
export const PORTABL_SERVERS = ['production', 'development'] as const;
export type PortablServer = (typeof PORTABL_SERVERS)[number];

export interface PortablClientOptions extends CommonClientOptions {
  /** Your Portabl Core API client id. */
  clientId: string;
  /** Your client secret: sent in the token request body only, never in a thrown error. */
  clientSecret: string;
  /** Scopes to request; without them the token carries every scope granted to the client. */
  scopes?: PortablScopes;
  /** A server of the spec (default "production"); `baseUrl` overrides it. */
  server?: PortablServer;
}

/** The openapi-fetch client: `GET`, `PUT`, `POST`... returning `{data, error, response}`. */
export type PortablClient = Client<paths>;

// The token operation creates nothing a second request could duplicate, so, unlike other POSTs, it is retried:
// on 500 as well as the transient statuses, and on network errors.
const TOKEN_RETRY_STATUSES = [...TRANSIENT_STATUSES, 500];

/** Checks `scopes` by the spec's own rules (AccessTokenRequest.scopes and Scope), so the API is never sent a list it refuses. */
function resolveScopes(value: unknown): PortablScopes | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(CLIENT, `scopes must be an array of scope names (got ${describeType(value)})`);
  const list = ruleOf(portablRuntime, 'scopes');
  const scope = ruleOf(portablRuntime, 'scope');
  const [minItems, maxItems, maxLength] = [list['minItems'], list['maxItems'], scope['maxLength']].map((n) =>
    typeof n === 'number' ? n : undefined,
  );
  const pattern = patternOfRule(portablRuntime, 'scope');
  // An empty list would ask for a token with no scope at all; leave scopes out to get every granted scope.
  if (minItems !== undefined && value.length < minItems)
    fail(CLIENT, `scopes must list at least ${minItems} scope; leave it out to get every scope granted to the client`);
  if (maxItems !== undefined && value.length > maxItems)
    fail(CLIENT, `scopes must list at most ${maxItems} scopes (got ${value.length})`);
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || !pattern.test(item) || (maxLength !== undefined && item.length > maxLength)) {
      fail(
        CLIENT,
        `scopes[${i}] must be a scope name "<action>:<resource>" such as "read:provider-users" (pattern ${pattern.source})`,
      );
    }
    if (value.indexOf(item) !== i) fail(CLIENT, `scopes[${i}] repeats "${item}"; list each scope once`);
  });
  return value as PortablScopes;
}

const create = defineClient<paths, PortablServer, PortablClientOptions>({
  client: CLIENT,
  title: 'Portabl',
  runtime: portablRuntime,
  validators: portablValidators,
  servers: PORTABL_SERVERS,
  defaultServer: 'production',
  credentialHeader: 'authorization',
  optionNames: ['clientId', 'clientSecret', 'scopes'],
  credential(given) {
    const clientId = requireSecretString(CLIENT, 'clientId', given['clientId']);
    const clientSecret = requireRedactableSecret(
      CLIENT,
      'clientSecret',
      requireSecretString(CLIENT, 'clientSecret', given['clientSecret']),
      portablRuntime,
    );
    const scopes = resolveScopes(given['scopes']);
    return ({ baseUrl, clock, redactor, middleware, transport }) => {
      const tokens = createTokenManager({
        clientId,
        clientSecret,
        scopes,
        baseUrl,
        transport: transport({ retryMethods: [...IDEMPOTENT_METHODS, 'POST'], retryStatuses: TOKEN_RETRY_STATUSES }),
        clock,
        redactor,
        middleware,
      });
      return bearerTokenFetch(transport(), tokens);
    };
  },
});

/**
 * A typed client of the Portabl Core API (openapi-fetch): `GET`, `PUT`, `POST`... each returning
 * `{data, error, response}` typed from the spec. It authenticates itself: it requests an access token with your
 * client id and secret (`POST /provider/token`, one request shared by concurrent calls), caches it until shortly
 * before it expires, sends it as `Authorization: Bearer`, and on a 401 gets a new one and resends once.
 *
 * @param options.clientId Your client id (required, a non-blank string).
 * @param options.clientSecret Your client secret (required, at least 12 characters, not inside a value the spec
 *   documents): sent in the token request body only, never in a thrown error or `result.error`.
 * @param options.scopes Scopes to request, e.g. `['read:provider-users']` (default: every scope granted to the client);
 *   checked by the spec's rules (pattern, count, no repeats).
 * @param options.server `"production"` (default) or `"development"`, the spec's servers; `baseUrl` overrides it.
 * @param options.baseUrl An absolute http(s) URL (a local mock such as `http://127.0.0.1:4011`); no user info, query or fragment.
 * @param options.fetch The fetch function to send with (default: the global fetch, looked up per call).
 * @param options.timeoutMs Deadline of each attempt in ms, until the whole body has arrived (default 30000, 1 to 2^31-1).
 * @param options.retry `false`, or `{attempts, baseDelayMs, maxDelayMs}` (default 3 attempts, 250 ms, 10 s): idempotent
 *   requests (and the token request) are retried on 429, 502, 503, 504 and network errors, honouring `Retry-After`.
 * @param options.validateResponses Check each response against the spec (default false); validators compiled at build
 *   time load on the first validated call.
 * @param options.validateRequests Check each request's parameters and body before sending it (default false).
 * @param options.maxResponseBytes Largest body read, in bytes (default 32 MiB, DEFAULT_MAX_RESPONSE_BYTES).
 * @param options.headers Headers sent with every API call, not with the token request (not `Authorization`).
 * @param options.clock Time source for tests (now, sleep, deadline): backoff, deadlines and token expiry.
 * @returns The client; register your own middleware with `client.use`.
 * @throws {ClientOptionsError} An option is missing, misspelt or invalid; the message names it, never its value.
 *   Calls then throw TokenRequestError or TokenResponseError when the token cannot be had.
 * @example
 * const portabl = createPortablClient({ clientId, clientSecret, scopes: ['read:provider-users'] });
 * const { data } = await portabl.GET('/provider/users/{userId}/claims', { params: { path: { userId } } });
 */
export function createPortablClient(options: PortablClientOptions): PortablClient {
  return create(options);
}
