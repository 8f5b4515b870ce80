// createIdentityClient: an openapi-fetch client typed by the Identities spec, sending the API key. What it shares
// with the Portabl client (options, transport, middleware) is assembled in ../client-assembly.ts.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/identity/schema.js';
import { defineClient } from '../client-assembly.js';
import { type CommonClientOptions, requireHeaderSecret, requireRedactableSecret } from '../options.js';
import { identityRuntime, identityValidators } from './runtime.js';

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

const CLIENT = 'createIdentityClient';

const create = defineClient<paths, IdentityServer, IdentityClientOptions>({
  client: CLIENT,
  title: 'Identities',
  runtime: identityRuntime,
  validators: identityValidators,
  servers: IDENTITY_SERVERS,
  defaultServer: 'sandbox',
  credentialHeader: 'apikey',
  optionNames: ['apiKey'],
  credential(given, redactor) {
    const apiKey = requireRedactableSecret(
      CLIENT,
      'apiKey',
      requireHeaderSecret(CLIENT, 'apiKey', given['apiKey']),
      identityRuntime,
    );
    redactor.add(apiKey);
    // The key is added below openapi-fetch, by the transport, to the Request each attempt sends: middleware a caller
    // registers with `client.use` never sees it, before or after the call.
    const credential = ['apikey', apiKey] as const;
    return ({ transport }) => {
      const send = transport();
      return (request) => send(request, credential);
    };
  },
});

/**
 * A typed client of the Identities API (openapi-fetch): `GET`, `POST`, `PATCH`, `DELETE`... each returning
 * `{data, error, response}` typed from the spec. Every request carries `options.apiKey` in the `apikey` header.
 *
 * @param options.apiKey Your API key (required): printable ASCII, at least 12 characters, not inside a value the
 *   spec documents. Never appears in a thrown error, `result.error` or a middleware's view of the request.
 * @param options.server `"sandbox"` (default: test data) or `"production"`, the spec's servers; `baseUrl` overrides it.
 * @param options.baseUrl An absolute http(s) URL (a local mock such as `http://127.0.0.1:4010`); no user info, query or fragment.
 * @param options.fetch The fetch function to send with (default: the global fetch, looked up per call).
 * @param options.timeoutMs Deadline of each attempt in ms, until the whole body has arrived (default 30000, 1 to 2^31-1).
 * @param options.retry `false`, or `{attempts, baseDelayMs, maxDelayMs}` (default 3 attempts, 250 ms, 10 s): idempotent
 *   requests are retried on 429, 502, 503, 504 and network errors, honouring `Retry-After`.
 * @param options.validateResponses Check each response against the spec (default false); validators compiled at build
 *   time load on the first validated call.
 * @param options.validateRequests Check each request's parameters and body before sending it (default false).
 * @param options.maxResponseBytes Largest body read, in bytes (default 32 MiB, DEFAULT_MAX_RESPONSE_BYTES).
 * @param options.headers Headers sent with every call (not `apikey`).
 * @param options.clock Time source for tests (now, sleep, deadline).
 * @returns The client; register your own middleware with `client.use`.
 * @throws {ClientOptionsError} An option is missing, misspelt or invalid; the message names it, never its value.
 * @example
 * const identity = createIdentityClient({ apiKey: process.env.IDENTITY_API_KEY!, server: 'sandbox' });
 * const { data, error } = await identity.GET('/identities/{id}', { params: { path: { id } } });
 */
export function createIdentityClient(options: IdentityClientOptions): IdentityClient {
  return create(options);
}
