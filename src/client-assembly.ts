// One assembly for every client, in the style of ky's `Ky.create`: the options every client shares are checked,
// the transport, the redaction and the client's methods (a thin wrapper of openapi-fetch's) are built here, and each
// API's factory states only what differs: its credential (how requests are authorized) and its servers.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { ValidatorLoaders } from './compiled-validator.js';
import {
  COMMON_OPTION_NAMES,
  type ResolvedCommonOptions,
  rejectUnknownKeys,
  requireOptionsObject,
  resolveCommonOptions,
} from './options.js';
import { checkPathParameters, pathRulesOf } from './path-parameters.js';
import { createRedactor, type Redactor } from './redaction.js';
import { type CallResult, settleCall } from './response-body.js';
import type { RuntimeSpec } from './runtime-spec.js';
import { resolveServer } from './servers.js';
import { type Clock, systemClock } from './transport/clock.js';
import { holdForeignBody } from './transport/deferred-body.js';
import {
  CALL_FACTS,
  createTransport,
  type FetchFunction,
  PRIVATE_CALL,
  PRIVATE_UNSIGNALLED_CALL,
  readWholeBody,
  type Transport,
  type TransportOptions,
} from './transport/fetch.js';

/** What an API's credential is given to build the fetch function its client sends requests with. */
export interface AssemblyContext {
  baseUrl: string;
  clock: Clock;
  /** Already knows the client's credentials; add any secret learnt later (tokens). */
  redactor: Redactor;
  common: ResolvedCommonOptions;
  /** The validation middleware the client runs, if asked for (Portabl runs it on its token request too). */
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

/** Which middleware the client runs: each set once, never unset. */
interface Exposure {
  /** Validation (ours): it sees each Request, and reads each body the way the client does. */
  validation: boolean;
  /** A caller's, from `client.use`: it may keep the Request, and read or hold up the Response, as it likes. */
  caller: boolean;
}

// openapi-fetch's method names; each of the client's runs through `call` below.
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

// Per-call options of openapi-fetch that the client reads.
type CallInit =
  | {
      params?: { path?: Record<string, unknown> };
      parseAs?: string;
      middleware?: Iterable<Middleware> | null;
      Request?: unknown;
      signal?: AbortSignal | null;
      [CALL_FACTS]?: unknown;
    }
  | undefined;

/** Asks the transport to read the whole answer itself, for a call that reads its body as a stream, blob... */
const wholeBody: Middleware = {
  onRequest({ request }) {
    readWholeBody(request);
  },
};

// Requests that a call's own middleware (openapi-fetch's `middleware` call option) or Request class sees: as with
// `client.use`, never private to the transport, and their answers read whole before that middleware gets them.
const seenByMiddleware = new WeakSet<Request>();
/** Last of a call's own middleware: marks the Request they finally send. */
const markSeen: Middleware = {
  onRequest({ request }) {
    seenByMiddleware.add(request);
  },
};

/**
 * Registered before a caller's middleware, so its onResponse runs after theirs: a Response their middleware made is
 * read the way the transport's answers are (transport/deferred-body.ts).
 */
const foreignBodies: Middleware = {
  onResponse({ response }) {
    holdForeignBody(response);
  },
};

/**
 * The client a caller gets: openapi-fetch's, with each call checked before it is sent (path parameters) and its
 * result settled after (response-body.ts: unreadable success bodies, credentials in error bodies, the answer of a
 * retried body), and the operation recorded for `unwrap`. Middleware stays openapi-fetch's: a client without any
 * (none of the caller's, no validation) runs none.
 */
function wrapClient<Paths extends {}>(
  inner: Client<Paths>,
  spec: RuntimeSpec,
  redactor: Redactor,
  exposure: Exposure,
): Client<Paths> {
  const rules = pathRulesOf(spec);
  let adopting = false;
  const send = (method: string, path: string, init: CallInit): Promise<CallResult> => {
    const rule = rules.get(path)?.[method];
    checkPathParameters(rule, method, path, init?.params);
    const parseAs = init?.parseAs ?? 'json';
    const readsText = parseAs === 'json' || parseAs === 'text';
    // openapi-fetch hands the body back unread, as a stream, and settleCall reads it once through the transport's held
    // body (transport/deferred-body.ts), with the text still at hand for ResponseBodyError.
    let options: CallInit = readsText ? { ...init, parseAs: 'stream' } : init;
    // No middleware of the caller's on this call (the list openapi-fetch runs is fixed when the call starts): the
    // transport may take the shorter path of such a call (transport/fetch.ts, CALL_FACTS). Validation, ours, may run:
    // it reads the body through the held body and no header of the Request (validate-calls.ts).
    if (readsText && !exposure.caller && (init?.middleware === undefined || init.middleware === null) && !init?.Request)
      options![CALL_FACTS] = init?.signal ? PRIVATE_CALL : PRIVATE_UNSIGNALLED_CALL;
    // openapi-fetch runs a call's own middleware (any iterable: it spreads them) after the client's, onResponse before
    // them: foreignBodies first. Given at all, even empty, the call counts as seen.
    if (init?.middleware !== undefined && init.middleware !== null)
      options = { ...options, middleware: [foreignBodies, ...init.middleware, markSeen] };
    // A call's own Request class (an openapi-fetch option its types leave out) lets caller code keep the Request.
    else if (init?.Request) options = { ...options, middleware: [markSeen] };
    if (parseAs !== 'json' && parseAs !== 'text')
      options = { ...options, middleware: [...(options?.middleware ?? []), wholeBody] };
    const outcome = (inner.request as (m: string, p: string, i: CallInit) => Promise<CallResult>)(
      method,
      path,
      options,
    );
    const name = rule?.operation ?? `${method} ${path}`;
    const origin = { operation: name, redactor };
    const settled = settleCall(outcome, {
      operation: rule?.runtime,
      name,
      method,
      parseAs,
      redactor,
      origin,
    });
    const signal = init?.signal;
    // The caller gave up before the call was over (in their own slow onResponse, say, after the body had arrived):
    // the call ends with their reason, as a fetch aborted before it settles does.
    return signal ? settled.then((result) => (signal.aborted ? Promise.reject(signal.reason) : result)) : settled;
  };
  // A rejected promise, as openapi-fetch's own methods give, for a path parameter refused before sending.
  const call = (method: string, path: string, init: CallInit): Promise<CallResult> => {
    try {
      return send(method, path, init);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const client: Record<string, unknown> = {
    request: (method: string, path: string, init: CallInit) => call(method.toUpperCase(), path, init),
    use(...middleware: Middleware[]) {
      exposure.caller = true;
      if (!adopting) {
        inner.use(foreignBodies);
        adopting = true;
      }
      inner.use(...middleware);
    },
    eject: (...middleware: Middleware[]) => inner.eject(...middleware),
  };
  for (const method of METHODS) client[method] = (path: string, init: CallInit) => call(method, path, init);
  return client as unknown as Client<Paths>;
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
    // Validation runs as openapi-fetch middleware, before a caller's onRequest and after their onResponse (it sees the
    // answer their middleware returns); the path check, the body and the origin record are the client's own steps.
    const middleware: Middleware[] = [];
    if (validation && common.validateRequests) middleware.push(validation.request);
    if (validation && common.validateResponses) middleware.push(validation.response);
    const exposure: Exposure = { validation: middleware.length > 0, caller: false };
    const callerSees = (request: Request) => exposure.caller || seenByMiddleware.has(request);
    const base: TransportOptions = {
      fetch: common.fetch,
      timeoutMs: common.timeoutMs,
      retry: common.retry,
      clock,
      redact: redactor.text,
      maxResponseBytes: common.maxResponseBytes,
      // Middleware sees openapi-fetch's Request before and after the call: the credential must stay off it then.
      isPrivate: (request) => !exposure.validation && !callerSees(request),
      // A caller's middleware gets the answer before the client reads it: read whole first, so that it may read the
      // body any way it likes and take its time, and the deadline ends when the body has arrived.
      readWhole: callerSees,
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
    const inner = createClient<Paths>({ baseUrl, fetch, headers: common.headers, redirect: 'manual' });
    if (middleware.length) inner.use(...middleware);
    return wrapClient(inner, api.runtime, redactor, exposure);
  };
}
