// `@kyc-contracts/sdk/sandbox`: a stateful sandbox of both APIs, driven by the bundled specs, for integration tests
// and local development. Needs the optional peer dependencies fastify, qs, jose, ajv, ajv-formats and sql.js (pg for
// PostgreSQL, proper-lockfile for a data folder; see peers.ts). Importing this module loads none of them:
// startSandbox checks them all first and throws one SandboxDependencyError naming every one missing.
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type AdjustableClock, adjustableClock, type SandboxClock } from './clock.js';
import { checkCredentials, credentialBook, demoCredentials, type SandboxCredentials } from './credentials.js';
import { identityApi } from './identity/api.js';
import { operationRules, scopesNamed } from './operations.js';
import { checkSandboxPeers, loadSpecValidators, sandboxPeersFor } from './peers.js';
import { portablApi } from './portabl/api.js';
import { createRateLimiter, type RateLimit } from './rate-limit.js';
import { type ApiDefinition, createApiServer } from './server.js';
import { sandboxSpecs } from './specs.js';
import { openStore, type SandboxStore } from './store/index.js';

export { type AdjustableClock, adjustableClock, manualClock, type SandboxClock } from './clock.js';
export type { IdentityCredential, PortablCredential, SandboxCredentials } from './credentials.js';
export { type MissingPackage, SandboxDependencyError } from './optional.js';
export type { RateLimit } from './rate-limit.js';
export type { Queryable, Row, SandboxStore } from './store/index.js';
export { openStore, type StoreOptions } from './store/index.js';

export interface SandboxOptions {
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port of the Portabl Core API sandbox (default 0: a free port). */
  portablPort?: number;
  /** Port of the Identities API sandbox (default 0: a free port). */
  identityPort?: number;
  /**
   * The credentials to register; each is a tenant. Default: one demo credential per API, generated and answered in
   * `Sandbox.credentials`. A Portabl client without `scopes` is granted every scope the spec's operations name.
   */
  credentials?: SandboxCredentials;
  /** PostgreSQL connection string: several sandboxes on one database serve one data set. */
  databaseUrl?: string;
  /** Folder for the embedded store (sql.js); without it and without `databaseUrl`, the data lives in memory. */
  dataDir?: string;
  /** A store you opened yourself (`openStore`); wins over `databaseUrl` and `dataDir`, and is not closed by `close()`. */
  store?: SandboxStore;
  /**
   * The sandbox's time. Default: real time, starting at `startTime` when given; an adjustable clock (one with
   * `advance`) can be moved with `Sandbox.clock.advance(ms)` or `POST /__sandbox/clock {"advanceSeconds": n}`.
   */
  clock?: SandboxClock | AdjustableClock;
  /** Where the default clock starts, in ms since the epoch (or a Date). */
  startTime?: number | Date;
  /** Requests per credential per window; off by default. Past it: the documented 429 with `Retry-After`. */
  rateLimit?: RateLimit;
  /**
   * Secret (at least 32 characters) from which the token-signing and URL-signing keys are derived. Give the same one
   * to processes that share a database, so that they accept each other's tokens. Default: random per start.
   */
  signingKey?: string;
  /** Lifetime of Portabl access tokens in seconds (default: the spec's `x-sandbox.tokenExpiresInSeconds`, 86400). */
  tokenExpiresIn?: number;
  /** Reports unexpected errors (default: stderr). */
  onError?: (error: unknown) => void;
}

export interface Sandbox {
  /** Base URLs, e.g. `{ portabl: 'http://127.0.0.1:4020', identity: 'http://127.0.0.1:4021' }`. */
  urls: { portabl: string; identity: string };
  /** The credentials registered (the demo ones when none were given). */
  credentials: {
    portabl: NonNullable<SandboxCredentials['portabl']>;
    identity: NonNullable<SandboxCredentials['identity']>;
  };
  /** True when `credentials` are the generated demo credentials. */
  demoCredentials: boolean;
  clock: SandboxClock | AdjustableClock;
  store: SandboxStore;
  /** Stops both servers and closes the store it opened. */
  close(): Promise<void>;
}

function checkPort(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new RangeError(`${name} must be an integer port 0..65535 (0 picks a free one), got ${value}`);
  return value;
}

/** Adds `GET|POST /__sandbox/clock` (read, or advance with `{"advanceSeconds": n}`) to an API server. */
function clockRoutes(app: FastifyInstance, clock: SandboxClock | AdjustableClock) {
  const answer = (reply: import('fastify').FastifyReply, status: number, body: object) =>
    reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  app.get('/__sandbox/clock', async (_request, reply) =>
    answer(reply, 200, { now: new Date(clock.now()).toISOString() }),
  );
  app.post('/__sandbox/clock', async (request, reply) => {
    if (!('advance' in clock))
      return answer(reply, 409, {
        code: 'clock_fixed',
        message: 'this sandbox was given a clock that cannot be advanced',
      });
    let seconds: unknown;
    try {
      seconds = (JSON.parse(String(request.body ?? '')) as { advanceSeconds?: unknown }).advanceSeconds;
    } catch {
      seconds = undefined;
    }
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 100 * 365 * 86400) {
      return answer(reply, 400, {
        code: 'validation_failed',
        message: 'body.advanceSeconds: must be a positive number of seconds (at most 100 years)',
      });
    }
    clock.advance(seconds * 1000);
    return answer(reply, 200, { now: new Date(clock.now()).toISOString() });
  });
}

/**
 * Starts both API sandboxes on 127.0.0.1 and resolves once they accept requests.
 *
 * Before it opens a store or a port it checks every optional peer dependency these options need (fastify, qs, jose,
 * ajv and ajv-formats always; sql.js for the embedded store, plus proper-lockfile with `dataDir`; pg with
 * `databaseUrl`; no store package with `store`), and only then imports the Ajv validators of the specs.
 * @throws {RangeError} naming a bad port, or a `signingKey` shorter than 32 characters
 * @throws {SandboxDependencyError} naming every missing peer with its purpose, and the one
 *   `npm install --save-dev ...` line that installs them (`packageNames`; `packageName` is the first)
 * @throws {Error} naming a malformed credential, a data folder in use, or a store or port that cannot be opened
 * @example
 * const sandbox = await startSandbox();
 * const identity = createIdentityClient({ apiKey: sandbox.credentials.identity[0]!.apiKey, baseUrl: sandbox.urls.identity });
 * // ... your tests ...
 * await sandbox.close();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const portablPort = checkPort('portablPort', options.portablPort);
  const identityPort = checkPort('identityPort', options.identityPort);
  if (options.signingKey !== undefined && options.signingKey.length < 32)
    throw new RangeError('signingKey must be at least 32 characters');
  const given = options.credentials ? checkCredentials(options.credentials, 'credentials') : undefined;
  const registered = given ? { portabl: given.portabl ?? [], identity: given.identity ?? [] } : demoCredentials();
  const start = options.startTime instanceof Date ? options.startTime.getTime() : options.startTime;
  const clock = options.clock ?? adjustableClock(start);
  const secret = options.signingKey ?? randomBytes(32).toString('base64url');
  const key = (purpose: string) => createHmac('sha256', secret).update(purpose).digest();
  // Every missing package in one error, before anything is opened; then the Ajv compiler, which importing the
  // sandbox does not load.
  await checkSandboxPeers(sandboxPeersFor(options));
  const { validatorFor } = await loadSpecValidators();

  const portablScopes = scopesNamed(operationRules(sandboxSpecs.portabl));
  const credentials = credentialBook(registered, portablScopes);
  const store =
    options.store ??
    (await openStore({
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    }));
  const servers: FastifyInstance[] = [];
  const close = async () => {
    await Promise.allSettled(servers.map((s) => s.close()));
    if (!options.store) await store.close();
  };
  try {
    const serverOptions = {
      clock,
      rateLimiter: createRateLimiter(options.rateLimit, clock),
      ...(options.onError ? { onError: options.onError } : {}),
    };
    const apis: [ApiDefinition<any>, number][] = [
      [
        await portablApi({
          spec: sandboxSpecs.portabl,
          validator: validatorFor(sandboxSpecs.portabl, 'portabl'),
          store,
          credentials,
          signingKey: key('portabl access tokens'),
          ...(options.tokenExpiresIn !== undefined ? { tokenExpiresIn: options.tokenExpiresIn } : {}),
        }),
        portablPort,
      ],
      [
        identityApi({
          spec: sandboxSpecs.identity,
          validator: validatorFor(sandboxSpecs.identity, 'identity'),
          store,
          credentials,
          clock,
          signingKey: key('identity presigned urls'),
        }),
        identityPort,
      ],
    ];
    const urls: string[] = [];
    for (const [api, port] of apis) {
      const app = await createApiServer(api, serverOptions);
      clockRoutes(app, clock);
      servers.push(app);
      await app.listen({ host, port });
      const address = app.server.address();
      urls.push(`http://${host}:${typeof address === 'object' && address ? address.port : port}`);
    }
    return {
      urls: { portabl: urls[0]!, identity: urls[1]! },
      credentials: { portabl: registered.portabl ?? [], identity: registered.identity ?? [] },
      demoCredentials: !given,
      clock,
      store,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
