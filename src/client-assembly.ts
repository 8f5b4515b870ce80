// One assembly for every client, in the style of ky's `Ky.create`: the options every client shares are checked,
// the transport, redaction and middleware are built here, and each API's factory states only what differs: its
// credential (how requests are authorized) and its servers.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { ValidatorLoaders } from './compiled-validator.js';
import {
  COMMON_OPTION_NAMES,
  type ResolvedCommonOptions,
  rejectUnknownKeys,
  requireOptionsObject,
  resolveCommonOptions,
} from './options.js';
import { pathParameterMiddleware } from './path-parameters.js';
import { createRedactor, type Redactor } from './redaction.js';
import { responseBodyMiddleware } from './response-body.js';
import { responseOriginMiddleware } from './response-origin.js';
import type { RuntimeSpec } from './runtime-spec.js';
import { resolveServer } from './servers.js';
import { type Clock, systemClock } from './transport/clock.js';
import { createTransport, type FetchFunction, type Transport, type TransportOptions } from './transport/fetch.js';

/** What an API's credential is given to build the fetch function its client sends requests with. */
export interface AssemblyContext {
  baseUrl: string;
  clock: Clock;
  /** Already knows the client's credentials; add any secret learnt later (tokens). */
  redactor: Redactor;
  common: ResolvedCommonOptions;
  /** The client's middleware, in order (Portabl applies it to its token answer too). */
  middleware: Middleware[];
  /** A transport with the client's deadline, retries, size limit and redaction; `extra` overrides some settings. */
  transport(extra?: Partial<TransportOptions>): Transport;
}

/** Checks an API's own options (its credential) and says how its requests are authorized. */
export type CredentialSetup = (
  given: Record<string, unknown>,
  redactor: Redactor,
) => (context: AssemblyContext) => FetchFunction;

/** Everything that differs between two APIs' clients. */
export interface ApiDefinition<Server extends string> {
  /** The factory's name, as error messages start. */
  client: string;
  /** The API's name in messages about its servers. */
  title: string;
  runtime: RuntimeSpec;
  validators: ValidatorLoaders;
  /** Server names in the spec's order, and the default one. */
  servers: readonly Server[];
  defaultServer: Server;
  /** The header the credential travels in: refused in the `headers` option. */
  credentialHeader: string;
  /** Option names besides the common ones and `server`. */
  optionNames: readonly string[];
  credential: CredentialSetup;
}

/**
 * The validation middleware (request, response), whose code and compiled validators load with `import()` on first
 * use (validate-calls.ts, compiled-validator.ts): a client that does not validate never loads them. Both share one
 * CompiledValidator.
 */
function lazyValidation(
  spec: RuntimeSpec,
  loaders: ValidatorLoaders,
  redactor: Redactor,
): { request: Middleware; response: Middleware } {
  let loading: Promise<{ request: Middleware; response: Middleware }> | undefined;
  // Once loaded, each call goes straight to it, without waiting on the load again.
  let ready: { request: Middleware; response: Middleware } | undefined;
  const load = () =>
    (loading ??= Promise.all([import('./validate-calls.js'), import('./compiled-validator.js')]).then(
      ([calls, compiled]) => {
        const validator = compiled.compiledValidator(loaders);
        ready = {
          request: calls.requestValidationMiddleware(spec, validator, redactor),
          response: calls.responseValidationMiddleware(spec, validator, redactor),
        };
        return ready;
      },
    ));
  return {
    request: {
      onRequest: (context) =>
        ready ? ready.request.onRequest!(context) : load().then((m) => m.request.onRequest!(context)),
    },
    response: {
      onResponse: (context) =>
        ready ? ready.response.onResponse!(context) : load().then((m) => m.response.onResponse!(context)),
    },
  };
}

/**
 * The path check, the origin record and the body step as one middleware, in the order three middlewares registered
 * in that order would run: onRequest path then body, onResponse body then origin (on the body step's Response).
 * Their onRequest steps and the origin's onResponse are synchronous and return nothing.
 */
function ownSteps(path: Middleware, origin: Middleware, body: Middleware): Middleware {
  return {
    onRequest(context) {
      path.onRequest!(context);
      body.onRequest!(context);
      return undefined;
    },
    async onResponse(context) {
      const replaced = (await body.onResponse!(context)) as Response | undefined;
      origin.onResponse!(replaced ? { ...context, response: replaced } : context);
      return replaced;
    },
  };
}

/** A client factory for one API: checks options in a fixed order (credential, common options, server). */
export function defineClient<Paths extends {}, Server extends string, Options>(
  api: ApiDefinition<Server>,
): (options: Options) => Client<Paths> {
  const known = [...api.optionNames, 'server', ...COMMON_OPTION_NAMES];
  return (options) => {
    const given = requireOptionsObject(api.client, options);
    rejectUnknownKeys(api.client, given, known);
    const redactor = createRedactor();
    const authorize = api.credential(given, redactor);
    const common = resolveCommonOptions(api.client, given, api.credentialHeader);
    const baseUrl = resolveServer(
      api.client,
      api.runtime,
      api.title,
      api.servers,
      api.defaultServer,
      given['server'],
      common.baseUrl,
    );
    const clock = common.clock ?? systemClock;
    const validation =
      common.validateRequests || common.validateResponses
        ? lazyValidation(api.runtime, api.validators, redactor)
        : undefined;
    // Order matters: onRequest runs in this order (path check first, before anything is sent or a token requested),
    // onResponse in the reverse one (validation sees the raw answer, the origin is recorded on the Response finally
    // returned). The client's own three steps run as one middleware: openapi-fetch awaits each middleware in turn.
    const middleware: Middleware[] = [
      ownSteps(
        pathParameterMiddleware(api.runtime),
        responseOriginMiddleware(api.runtime, redactor),
        responseBodyMiddleware(api.runtime, redactor),
      ),
    ];
    if (validation && common.validateRequests) middleware.push(validation.request);
    if (validation && common.validateResponses) middleware.push(validation.response);
    const base: TransportOptions = {
      fetch: common.fetch,
      timeoutMs: common.timeoutMs,
      retry: common.retry,
      clock,
      redact: redactor.text,
      maxResponseBytes: common.maxResponseBytes,
    };
    const fetch = authorize({
      baseUrl,
      clock,
      redactor,
      common,
      middleware,
      transport: (extra) => createTransport({ ...base, ...extra }),
    });
    // `redirect: 'manual'` from the start: the transport follows no redirect (transport/fetch.ts, redirectOf), and a
    // Request that already says so is sent as it is.
    const client = createClient<Paths>({ baseUrl, fetch, headers: common.headers, redirect: 'manual' });
    client.use(...middleware);
    return client;
  };
}
