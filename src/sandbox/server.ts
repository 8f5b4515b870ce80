import { inspect } from 'node:util';
// One Fastify server per API, its routes generated from the spec's operations (operations.ts). Each request goes
// through the same steps: credential (401, or 403 naming a missing scope), the per-credential rate limit (429),
// the spec's parameter and body rules (400), then the operation's handler. Every refusal is the operation's
// documented status with the API's `Error` body; a status the operation does not document is a sandbox bug and
// becomes a documented 500 instead of reaching the caller.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SpecDocument } from '../spec-document.js';
import type { SpecValidator } from '../spec-validator.js';
import type { SandboxClock } from './clock.js';
import { errorMessage, SandboxRefusal } from './errors.js';
import type { OperationRule } from './operations.js';
import { loadPeer } from './peers.js';
import type { RateLimiter } from './rate-limit.js';
import { type CheckedRequest, checkRequest, RequestInvalid } from './request.js';
import { isStringList, specFact } from './spec-facts.js';

/** The largest request body the sandbox reads (bytes); larger bodies get the operation's 400. */
export const BODY_LIMIT = 1024 * 1024;

export interface Answer {
  status: number;
  body?: unknown;
  /** The body already serialised as JSON (a stored document answered as it is); wins over `body`. */
  json?: string;
  headers?: Record<string, string>;
}

export interface HandlerContext<Auth> {
  operation: OperationRule;
  auth: Auth;
  input: CheckedRequest;
  /** The sandbox clock's time when the request arrived (ms since the epoch). */
  now: number;
  /** This server's own URL, e.g. `http://127.0.0.1:4021`. */
  baseUrl: string;
}

/** Who the credential belongs to, and the key its requests are counted under by the rate limit. */
export interface Authenticated<Auth> {
  auth: Auth;
  rateKey: string | undefined;
}

export interface ApiDefinition<Auth> {
  name: 'portabl' | 'identity';
  spec: SpecDocument;
  validator: SpecValidator;
  operations: OperationRule[];
  /**
   * Checks the credential the operation's security requirement names; throws (or rejects with) a SandboxRefusal
   * (401/403). May answer without a promise when the check needs no waiting (an API key), which spares a turn of
   * the microtask queue on every request.
   */
  authenticate(
    operation: OperationRule,
    headers: FastifyRequest['headers'],
    now: number,
  ): Authenticated<Auth> | Promise<Authenticated<Auth>>;
  /** For an operation without security (Portabl's token request): the credential the checked request names. */
  rateKeyOf?(operation: OperationRule, input: CheckedRequest): string | undefined;
  handlers: Record<string, (context: HandlerContext<Auth>) => Promise<Answer>>;
  /** The API's `Error` body. */
  errorBody(code: string, message: string): Record<string, unknown>;
  codes: { validation: string; notFound: string; tooManyRequests: string; internal: string };
  /** Routes of the sandbox itself (not operations of the API), e.g. presigned document URLs. */
  extraRoutes?(app: FastifyInstance, baseUrl: () => string): void;
}

export interface ServerOptions {
  clock: SandboxClock;
  rateLimiter: RateLimiter;
  /** Where unexpected errors are reported (default: stderr). */
  onError?: (error: unknown) => void;
}

function documents(operation: OperationRule, status: number): boolean {
  const s = String(status);
  return (
    operation.statuses.includes(s) || operation.statuses.includes(`${s[0]}XX`) || operation.statuses.includes('default')
  );
}

function rawQuery(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at + 1);
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

// RFC 7231 §3.1.1.1 media-type: type "/" subtype *( OWS ";" OWS parameter ), parameter = token "=" ( token /
// quoted-string ). The older grammar (RFC 9110 tolerates empty parameters) is the one the mocks' `content-type`
// parser applies, so that both refuse `application/json;;;` alike.
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"(?:[^"\\\\]|\\\\.)*"))*$`);

/**
 * The `Prefer` check of an API: the mock's preferences (`x-sandbox.refusedPreferences`: code, example, dynamic)
 * choose a rehearsed answer, and the sandbox answers from its data, so it refuses them rather than silently answering
 * something else than what was asked for. Other preferences (RFC 7240) are ignored.
 */
function preferCheck(spec: SpecDocument): (header: string | string[] | undefined) => RequestInvalid | undefined {
  const names = specFact<string[]>(
    spec,
    '#/x-sandbox/refusedPreferences',
    isStringList,
    'x-sandbox.refusedPreferences list',
  );
  const asks = new RegExp(`(?:^|[,;])\\s*(${names.map((n) => n.replace(/[^A-Za-z0-9-]/g, '')).join('|')})\\s*=`, 'i');
  return (header) => {
    const value = Array.isArray(header) ? header.join(', ') : header;
    const asked = value === undefined ? undefined : asks.exec(value)?.[1];
    if (!asked) return undefined;
    return new RequestInvalid([
      `header Prefer: ${asked.toLowerCase()}= chooses a rehearsed answer, which only the mock does (npm run mock); the sandbox answers from its data`,
    ]);
  };
}

/** Refuses a query string holding a percent-escape that does not decode (naming the parameter it is in). */
function checkQueryEscapes(query: string): void {
  for (const part of query.split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      const name = part.split('=')[0]!;
      let shown: string;
      try {
        shown = decodeURIComponent(name);
      } catch {
        shown = name.replace(/%/g, '%25');
      }
      throw new RequestInvalid([`query parameter ${shown.slice(0, 100)}: holds a malformed percent-escape`]);
    }
  }
}

/** True when the request announces a body (Fastify reads none for GET, so its bytes are not the only sign). */
function bodyAnnounced(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** Reads the body fastify collected as bytes: absent, JSON, or a refusal naming what is wrong with it. */
function readBody(operation: OperationRule, request: FastifyRequest): { present: boolean; value: unknown } {
  const bytes = request.body as Buffer | undefined;
  if (!operation.body)
    return { present: (bytes !== undefined && bytes.length > 0) || bodyAnnounced(request), value: undefined };
  if (!bytes || bytes.length === 0) return { present: false, value: undefined };
  const header = request.headers['content-type'];
  const type = mediaType(header);
  if (header !== undefined && header !== '' && !MEDIA_TYPE.test(header)) {
    throw new RequestInvalid([
      `body: content-type ${JSON.stringify(header.slice(0, 100))} is malformed; ${operation.operationId} accepts ${operation.body.mediaTypes.join(', ')}`,
    ]);
  }
  if (!operation.body.mediaTypes.includes(type)) {
    const sent = type ? `content-type "${type}"` : 'no content-type';
    throw new RequestInvalid([
      `body: sent with ${sent}; ${operation.operationId} accepts ${operation.body.mediaTypes.join(', ')}`,
    ]);
  }
  try {
    return { present: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch (error) {
    throw new RequestInvalid([`body: is not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`]);
  }
}

/** Builds the Fastify server of one API (not yet listening). */
export async function createApiServer<Auth>(
  api: ApiDefinition<Auth>,
  options: ServerOptions,
): Promise<FastifyInstance> {
  const fastifyModule = await loadPeer('fastify');
  const qs = await loadPeer('qs');
  const parse = (qs as unknown as { default?: typeof import('qs') }).default?.parse ?? qs.parse;
  const Fastify = (fastifyModule as unknown as { default: typeof import('fastify').default }).default;
  const onError =
    options.onError ?? ((error: unknown) => process.stderr.write(`${api.name} sandbox: ${inspect(error)}\n`));
  let baseUrl = '';
  const preferRefusal = preferCheck(api.spec);

  const send = (reply: FastifyReply, operation: OperationRule | undefined, answer: Answer) => {
    if (operation && !documents(operation, answer.status)) {
      onError(new Error(`${operation.operationId} would answer ${answer.status}, which its spec does not document`));
      answer = { status: 500, body: api.errorBody(api.codes.internal, 'The sandbox failed to answer this request.') };
    }
    reply.code(answer.status);
    if (answer.headers) for (const name in answer.headers) reply.header(name, answer.headers[name]);
    if (answer.json !== undefined) return reply.type('application/json; charset=utf-8').send(answer.json);
    if (answer.body === undefined) return reply.send();
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
  };
  const refuse = (
    reply: FastifyReply,
    operation: OperationRule | undefined,
    error: unknown,
    request?: FastifyRequest,
  ) => {
    if (error instanceof SandboxRefusal) {
      return send(reply, operation, {
        status: error.status,
        body: api.errorBody(error.code, errorMessage(error.message)),
        headers: error.headers,
      });
    }
    if (error instanceof RequestInvalid) {
      return send(reply, operation, {
        status: 400,
        body: api.errorBody(api.codes.validation, errorMessage(error.message)),
      });
    }
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own refusals (a body over the limit, a malformed URL): the documented 400, in the API's shape.
      const code = (error as { code?: unknown }).code;
      const type = mediaType(request?.headers['content-type']);
      const why =
        code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `body: larger than the ${BODY_LIMIT} bytes the sandbox reads`
          : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? `body: sent with ${type ? `content-type "${type}"` : 'no content-type'}; ${operation?.body ? `${operation.operationId} accepts ${operation.body.mediaTypes.join(', ')}` : 'this operation takes no body'}`
            : `request: ${(error as Error).message}`;
      return send(reply, operation, { status: 400, body: api.errorBody(api.codes.validation, errorMessage(why)) });
    }
    onError(error);
    return send(reply, operation, {
      status: 500,
      body: api.errorBody(api.codes.internal, 'The sandbox failed to answer this request.'),
    });
  };

  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 4096, ignoreTrailingSlash: false },
    // A malformed percent-escape in the path: the documented 400 rather than Fastify's own body.
    frameworkErrors: (error, request, reply) => {
      void send(reply, undefined, {
        status: 400,
        body: api.errorBody(api.codes.validation, errorMessage(`path: ${error.message}`)),
      });
    },
  });
  // Bodies are read as bytes and judged by the operation (content type, JSON, schema), so that every refusal
  // carries the operation's documented 400.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  for (const operation of api.operations) {
    const handler = api.handlers[operation.operationId];
    if (!handler) throw new Error(`the ${api.name} sandbox has no handler for ${operation.operationId}`);
    app.route({
      method: operation.method.toUpperCase() as 'GET',
      url: operation.path.replace(/\{([^}]+)\}/g, ':$1'),
      config: { operation },
      errorHandler: (error, request, reply) => refuse(reply, operation, error, request),
      handler: async (request, reply) => {
        try {
          const now = options.clock.now();
          const checked = api.authenticate(operation, request.headers, now);
          const { auth, rateKey: authKey } = checked instanceof Promise ? await checked : checked;
          if (authKey) {
            const wait = options.rateLimiter.take(authKey);
            if (wait !== undefined) throw tooMany(api, wait);
          }
          const prefer = preferRefusal(request.headers['prefer']);
          if (prefer) throw prefer;
          const body = readBody(operation, request);
          const queryString = rawQuery(request.raw.url ?? '');
          let query: Record<string, unknown> = {};
          if (queryString !== '') {
            checkQueryEscapes(queryString);
            try {
              query = parse(queryString, { depth: 1, parameterLimit: 100, arrayLimit: 20, allowPrototypes: false });
            } catch (error) {
              throw new RequestInvalid([`query: ${error instanceof Error ? error.message : 'unreadable'}`]);
            }
          }
          const input = checkRequest(api.spec, api.validator, operation, {
            path: request.params as Record<string, string>,
            query,
            body: body.value,
            bodyPresent: body.present,
          });
          if (!authKey && api.rateKeyOf) {
            const key = api.rateKeyOf(operation, input);
            const wait = key === undefined ? undefined : options.rateLimiter.take(key);
            if (wait !== undefined) throw tooMany(api, wait);
          }
          return send(reply, operation, await handler({ operation, auth, input, now, baseUrl }));
        } catch (error) {
          return refuse(reply, operation, error);
        }
      },
    });
  }
  api.extraRoutes?.(app, () => baseUrl);
  app.setNotFoundHandler((request, reply) => {
    void send(reply, undefined, {
      status: 404,
      body: api.errorBody(
        api.codes.notFound,
        errorMessage(`${request.method} ${request.url.split('?')[0]} is not an operation of the ${api.name} API`),
      ),
    });
  });
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (address && typeof address === 'object') baseUrl = `http://127.0.0.1:${address.port}`;
    warmValidators(api);
  });
  return app;
}

/**
 * Compiles the validators of every operation's parameters and body once the server listens, one schema per turn of
 * the event loop, so that the first request to an operation does not pay for compiling its schemas (tens to
 * hundreds of milliseconds each, during which every other request waits), and the start is not delayed either.
 */
function warmValidators<A>(api: ApiDefinition<A>): void {
  const pointers = new Set<string>();
  for (const operation of api.operations) {
    for (const parameter of operation.parameters) pointers.add(parameter.schemaPointer);
    if (operation.body) {
      pointers.add(operation.body.schemaPointer);
      for (const branch of Object.values(operation.body.discriminator?.mapping ?? {})) pointers.add(branch);
    }
  }
  const queue = [...pointers];
  const next = () => {
    const pointer = queue.shift();
    if (pointer === undefined) return;
    // The value is irrelevant: validating compiles the schema (cached by the validator) on the first call.
    api.validator.validate(pointer, undefined);
    setImmediate(next).unref();
  };
  setImmediate(next).unref();
}

function tooMany<A>(api: ApiDefinition<A>, wait: number): SandboxRefusal {
  return new SandboxRefusal(
    429,
    api.codes.tooManyRequests,
    `Too many requests for this credential; retry after ${wait} s (Retry-After).`,
    {
      'retry-after': String(wait),
    },
  );
}
