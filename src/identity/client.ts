// createIdentityClient: an openapi-fetch client typed by the Identities spec, sending the API key.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/identity/schema.js';
import {
  COMMON_OPTION_NAMES,
  rejectUnknownKeys,
  requireOptionsObject,
  requireHeaderSecret,
  requireRedactableSecret,
  resolveCommonOptions,
  type CommonClientOptions,
} from '../options.js';
import { createRedactor } from '../redaction.js';
import { pathParameterMiddleware } from '../path-parameters.js';
import { responseBodyMiddleware } from '../response-body.js';
import { responseOriginMiddleware } from '../response-origin.js';
import { resolveServer } from '../servers.js';
import { systemClock } from '../transport/clock.js';
import { createTransport, type FetchFunction, type Transport } from '../transport/fetch.js';
import { requestValidationMiddleware, responseValidationMiddleware } from '../validation.js';
import { identitySpec } from './spec.js';

const CLIENT = 'createIdentityClient';
/** In the order of the spec's servers; the first is the default, so a client starts on test data. */
export const IDENTITY_SERVERS = ['sandbox', 'production'] as const;
export type IdentityServer = (typeof IDENTITY_SERVERS)[number];

export interface IdentityClientOptions extends CommonClientOptions {
  /** Your API key, sent as the `apikey` header; never in a thrown error. */
  apiKey: string;
  /** A server of the spec (default "sandbox"); `baseUrl` overrides it. */
  server?: IdentityServer;
}

/** The openapi-fetch client: `GET`, `POST`, `PATCH`, `DELETE`... returning `{data, error, response}`. */
export type IdentityClient = Client<paths>;

const OPTION_NAMES = ['apiKey', 'server', ...COMMON_OPTION_NAMES];

/**
 * Adds the key below openapi-fetch, in the fetch function, like the Portabl client's token, and to a copy of the
 * request: middleware a caller registers with `client.use` never sees the credential, before or after the call.
 */
function apiKeyFetch(transport: Transport, apiKey: string): FetchFunction {
  const credential = ['apikey', apiKey] as const;
  return (request) => transport(request, credential);
}

export function createIdentityClient(options: IdentityClientOptions): IdentityClient {
  const given = requireOptionsObject(CLIENT, options);
  rejectUnknownKeys(CLIENT, given, OPTION_NAMES);
  const apiKey = requireRedactableSecret(CLIENT, 'apiKey', requireHeaderSecret(CLIENT, 'apiKey', given['apiKey']), identitySpec);
  const common = resolveCommonOptions(CLIENT, given, 'apikey');
  const baseUrl = resolveServer(CLIENT, identitySpec, 'Identities', IDENTITY_SERVERS, 'sandbox', given['server'], common.baseUrl);
  const redactor = createRedactor();
  redactor.add(apiKey);

  const transport = createTransport({
    fetch: common.fetch,
    timeoutMs: common.timeoutMs,
    retry: common.retry,
    clock: common.clock ?? systemClock,
    redact: redactor.text,
    maxResponseBytes: common.maxResponseBytes,
  });
  const client = createClient<paths>({ baseUrl, fetch: apiKeyFetch(transport, apiKey), headers: common.headers });
  // Order matters: onRequest runs in this order (path check first, before anything is sent), onResponse in the
  // reverse one (validation sees the raw answer, the origin is recorded on the Response finally returned).
  client.use(pathParameterMiddleware(identitySpec), responseOriginMiddleware(identitySpec, redactor), responseBodyMiddleware(identitySpec, redactor));
  if (common.validateRequests) client.use(requestValidationMiddleware(identitySpec, 'identity', redactor));
  if (common.validateResponses) client.use(responseValidationMiddleware(identitySpec, 'identity', redactor));
  return client;
}
