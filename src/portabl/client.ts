// createPortablClient: an openapi-fetch client typed by the Portabl spec, that authenticates itself.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/portabl/schema.js';
import {
  COMMON_OPTION_NAMES,
  describeType,
  fail,
  rejectUnknownKeys,
  requireOptionsObject,
  requireRedactableSecret,
  requireSecretString,
  resolveCommonOptions,
  type CommonClientOptions,
} from '../options.js';
import { createRedactor } from '../redaction.js';
import { pathParameterMiddleware } from '../path-parameters.js';
import { responseBodyMiddleware } from '../response-body.js';
import { responseOriginMiddleware } from '../response-origin.js';
import { resolveServer } from '../servers.js';
import { patternOf, schemaAt } from '../spec-document.js';
import { systemClock } from '../transport/clock.js';
import { createTransport } from '../transport/fetch.js';
import { IDEMPOTENT_METHODS, TRANSIENT_STATUSES } from '../transport/retry-policy.js';
import { requestValidationMiddleware, responseValidationMiddleware } from '../validation.js';
import { bearerTokenFetch, createTokenManager, type PortablScopes } from './auth.js';
import { portablSpec } from './spec.js';

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

const OPTION_NAMES = ['clientId', 'clientSecret', 'scopes', 'server', ...COMMON_OPTION_NAMES];

// The token operation creates nothing a second request could duplicate, so, unlike other POSTs, it is retried:
// on 500 as well as the transient statuses, and on network errors.
const TOKEN_RETRY_STATUSES = [...TRANSIENT_STATUSES, 500];

const SCOPES_SCHEMA = '#/components/schemas/AccessTokenRequest/properties/scopes';
const SCOPE_SCHEMA = '#/components/schemas/Scope';

/** Checks `scopes` by the spec's own rules (AccessTokenRequest.scopes and Scope), so the API is never sent a list it refuses. */
function resolveScopes(value: unknown): PortablScopes | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(CLIENT, `scopes must be an array of scope names (got ${describeType(value)})`);
  const list = schemaAt(portablSpec, SCOPES_SCHEMA);
  const scope = schemaAt(portablSpec, SCOPE_SCHEMA);
  const [minItems, maxItems, maxLength] = [list['minItems'], list['maxItems'], scope['maxLength']].map((n) => (typeof n === 'number' ? n : undefined));
  const pattern = patternOf(scope, SCOPE_SCHEMA);
  // An empty list would ask for a token with no scope at all; leave scopes out to get every granted scope.
  if (minItems !== undefined && value.length < minItems) fail(CLIENT, `scopes must list at least ${minItems} scope; leave it out to get every scope granted to the client`);
  if (maxItems !== undefined && value.length > maxItems) fail(CLIENT, `scopes must list at most ${maxItems} scopes (got ${value.length})`);
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || !pattern.test(item) || (maxLength !== undefined && item.length > maxLength)) {
      fail(CLIENT, `scopes[${i}] must be a scope name "<action>:<resource>" such as "read:provider-users" (pattern ${pattern.source})`);
    }
    if (value.indexOf(item) !== i) fail(CLIENT, `scopes[${i}] repeats "${item}"; list each scope once`);
  });
  return value as PortablScopes;
}

export function createPortablClient(options: PortablClientOptions): PortablClient {
  const given = requireOptionsObject(CLIENT, options);
  rejectUnknownKeys(CLIENT, given, OPTION_NAMES);
  const clientId = requireSecretString(CLIENT, 'clientId', given['clientId']);
  const clientSecret = requireRedactableSecret(CLIENT, 'clientSecret', requireSecretString(CLIENT, 'clientSecret', given['clientSecret']), portablSpec);
  const scopes = resolveScopes(given['scopes']);
  const common = resolveCommonOptions(CLIENT, given, 'authorization');
  const baseUrl = resolveServer(CLIENT, portablSpec, 'Portabl', PORTABL_SERVERS, 'production', given['server'], common.baseUrl);
  const clock = common.clock ?? systemClock;
  const redactor = createRedactor();

  const transportOptions = {
    fetch: common.fetch,
    timeoutMs: common.timeoutMs,
    retry: common.retry,
    clock,
    redact: redactor.text,
    maxResponseBytes: common.maxResponseBytes,
  };
  // Order matters: onRequest runs in this order (path check first, before any token request), onResponse in the
  // reverse one (validation sees the raw answer, the origin is recorded on the Response finally returned).
  const middleware: Middleware[] = [
    pathParameterMiddleware(portablSpec),
    responseOriginMiddleware(portablSpec, redactor),
    responseBodyMiddleware(portablSpec, redactor),
  ];
  if (common.validateRequests) middleware.push(requestValidationMiddleware(portablSpec, 'portabl', redactor));
  if (common.validateResponses) middleware.push(responseValidationMiddleware(portablSpec, 'portabl', redactor));

  const tokens = createTokenManager({
    clientId,
    clientSecret,
    scopes,
    baseUrl,
    transport: createTransport({ ...transportOptions, retryMethods: [...IDEMPOTENT_METHODS, 'POST'], retryStatuses: TOKEN_RETRY_STATUSES }),
    clock,
    redactor,
    middleware,
  });
  const client = createClient<paths>({ baseUrl, fetch: bearerTokenFetch(createTransport(transportOptions), tokens), headers: common.headers });
  client.use(...middleware);
  return client;
}
