// The Portabl Core API sandbox: signed access tokens (jose, HS256) whose scopes each operation checks, users with
// settings and claims per tenant (client id), the seeded data profile, and sync sessions whose invitation is a real
// DIDComm v2 out-of-band message and which start exactly once (a conditional UPDATE, so also across processes).
import { randomBytes, randomUUID } from 'node:crypto';
import type { SpecDocument } from '../../spec-document.js';
import type { SpecValidator } from '../../spec-validator.js';
import type { CredentialBook, PortablClient } from '../credentials.js';
import { SandboxRefusal } from '../errors.js';
import { operationRules } from '../operations.js';
import { loadPeer } from '../peers.js';
import type { Answer, ApiDefinition, HandlerContext } from '../server.js';
import { isPositiveInteger, specFact } from '../spec-facts.js';
import { type Queryable, type SandboxStore, UniqueViolationError } from '../store/index.js';
import { newDidKey } from './did.js';

type Json = Record<string, any>;
type Context = HandlerContext<PortablClient>;

const ISSUER = 'urn:kyc-contracts:portabl-sandbox';
const AUDIENCE = 'urn:kyc-contracts:portabl-sandbox:provider-api';
const ALGORITHM = 'HS256';

const iso = (ms: number) => new Date(ms).toISOString();
const notFound = (what: string) => new SandboxRefusal(404, 'not_found', what);
const unauthorized = (why: string) => new SandboxRefusal(401, 'invalid_token', why);

/** Request claims (address nested) → stored claims (address flat), as responses carry them. */
function flatten(claims: Json): Json {
  const { registrationAddressDetails, ...rest } = claims;
  const flat: Json = { ...rest };
  for (const [key, value] of Object.entries((registrationAddressDetails as Json | undefined) ?? {})) {
    flat[`registrationAddressDetails${key[0]!.toUpperCase()}${key.slice(1)}`] = value;
  }
  return flat;
}

interface StoredUser {
  settings: Json;
  claims: Json;
  /** The claims document's id (24 hex digits), fixed once claims are first stored. */
  claimsId?: string;
}

async function loadUser(q: Queryable, tenant: string, id: string): Promise<StoredUser | undefined> {
  const rows = await q.query<{ doc: string }>('SELECT doc FROM portabl_users WHERE tenant = $1 AND id = $2', [
    tenant,
    id,
  ]);
  return rows[0] ? (JSON.parse(rows[0].doc) as StoredUser) : undefined;
}

export interface PortablApiOptions {
  spec: SpecDocument;
  /** The spec's Ajv validators (validatorFor in src/validator-cache.ts), which requests are checked with. */
  validator: SpecValidator;
  store: SandboxStore;
  credentials: CredentialBook;
  /** The HMAC key tokens are signed with: processes given the same key accept each other's tokens. */
  signingKey: Buffer;
  /** Token lifetime in seconds (default: the spec's `x-sandbox.tokenExpiresInSeconds`). */
  tokenExpiresIn?: number;
  /** Where invitation URLs point (an https URL; default the spec's `x-sandbox.invitationBaseUrl`). */
  invitationBaseUrl?: string;
}

export async function portablApi(options: PortablApiOptions): Promise<ApiDefinition<PortablClient>> {
  const jose = await loadPeer('jose');
  const { spec, store, credentials, signingKey } = options;
  const expiresIn =
    options.tokenExpiresIn ??
    specFact<number>(spec, '#/x-sandbox/tokenExpiresInSeconds', isPositiveInteger, 'x-sandbox.tokenExpiresInSeconds');
  const invitationTtl = specFact<number>(
    spec,
    '#/x-sandbox/invitationExpiresInSeconds',
    isPositiveInteger,
    'x-sandbox.invitationExpiresInSeconds',
  );
  const invitationBaseUrl =
    options.invitationBaseUrl ??
    specFact<string>(
      spec,
      '#/x-sandbox/invitationBaseUrl',
      (v) => typeof v === 'string' && v.startsWith('https://'),
      'x-sandbox.invitationBaseUrl',
    );
  const datapoints = specFact<Json>(
    spec,
    '#/components/examples/DatapointList/value',
    (v) => !!v && typeof v === 'object',
    'DatapointList example (the seeded data profile)',
  );
  const inviter = newDidKey();

  const requireUser = async (q: Queryable, tenant: string, userId: string) => {
    const user = await loadUser(q, tenant, userId);
    if (!user) throw notFound(`userId ${userId}: you have no user with this id`);
    return user;
  };
  const saveUser = (q: Queryable, tenant: string, userId: string, user: StoredUser, now: number) =>
    q.query(
      'INSERT INTO portabl_users (tenant, id, created_at, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant, id) DO UPDATE SET doc = excluded.doc',
      [tenant, userId, iso(now), JSON.stringify(user)],
    );

  const handlers: Record<string, (c: Context) => Promise<Answer>> = {
    async createAccessToken({ input, now }) {
      const body = input.body as Json;
      const client = credentials.portablClient(String(body['clientId']), String(body['clientSecret']));
      if (!client)
        throw new SandboxRefusal(
          401,
          'invalid_client',
          'clientId/clientSecret: no client of this sandbox has this id and secret',
        );
      const requested = (body['scopes'] as string[] | undefined) ?? client.scopes;
      const refused = requested.filter((s) => !client.scopes.includes(s));
      if (refused.length) {
        throw new SandboxRefusal(
          400,
          'invalid_scope',
          `body.scopes: ${refused.join(', ')} ${refused.length > 1 ? 'are' : 'is'} not granted to this client`,
        );
      }
      const issuedAt = Math.floor(now / 1000);
      const accessToken = await new jose.SignJWT({ scope: requested.join(' ') })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(client.clientId)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + expiresIn)
        .sign(signingKey);
      return { status: 200, body: { tokenType: 'Bearer', scope: requested.join(' '), accessToken, expiresIn } };
    },

    async listUsers({ auth }) {
      const rows = await store.query<{ id: string; doc: string }>(
        'SELECT id, doc FROM portabl_users WHERE tenant = $1 ORDER BY created_at, id',
        [auth.tenant],
      );
      const users = rows.map((r) => {
        const user = JSON.parse(r.doc) as StoredUser;
        return { id: r.id, claims: user.claims, settings: user.settings };
      });
      return { status: 200, body: { users } };
    },

    async upsertUser({ auth, input, now }) {
      const userId = String(input.path['userId']);
      const settings = (input.body as Json)['settings'] as Json;
      await store.transaction(async (tx) => {
        const user = (await loadUser(tx, auth.tenant, userId)) ?? { settings, claims: {} };
        await saveUser(tx, auth.tenant, userId, { ...user, settings }, now);
      });
      return { status: 200, body: settings };
    },

    async getUserSettings({ auth, input }) {
      const user = await requireUser(store, auth.tenant, String(input.path['userId']));
      return { status: 200, body: user.settings };
    },

    async updateUserSettings({ auth, input, now }) {
      const userId = String(input.path['userId']);
      const settings = (input.body as Json)['settings'] as Json;
      await store.transaction(async (tx) => {
        const user = await requireUser(tx, auth.tenant, userId);
        await saveUser(tx, auth.tenant, userId, { ...user, settings }, now);
      });
      return { status: 200, body: settings };
    },

    async getUserClaims({ auth, input }) {
      const user = await requireUser(store, auth.tenant, String(input.path['userId']));
      return { status: 200, body: user.claims };
    },

    async updateUserClaims({ auth, input, now }) {
      const userId = String(input.path['userId']);
      const claims = flatten((input.body as Json)['claims'] as Json);
      const stored = await store.transaction(async (tx) => {
        const user = await requireUser(tx, auth.tenant, userId);
        const next: StoredUser = {
          ...user,
          claims: { ...user.claims, ...claims },
          claimsId: user.claimsId ?? randomBytes(12).toString('hex'),
        };
        await saveUser(tx, auth.tenant, userId, next, now);
        return next;
      });
      return { status: 200, body: { _id: stored.claimsId, userId, ...stored.claims } };
    },

    async listLatestDatapoints() {
      return { status: 200, body: datapoints };
    },

    async createSyncSession({ auth, input, now }) {
      const userId = String(input.path['userId']);
      const id = String((input.body as Json | undefined)?.['syncSessionId'] ?? randomUUID());
      const session = { id, userId, didcommSessionIds: [] as string[], createdAt: iso(now), updatedAt: iso(now) };
      const created = Math.floor(now / 1000);
      const invitation = {
        type: 'https://didcomm.org/out-of-band/2.0/invitation',
        id,
        typ: 'application/didcomm-plain+json',
        from: inviter,
        thid: id,
        created_time: created,
        expires_time: created + invitationTtl,
        body: { goal_code: 'Sync', goal: 'Sync', accept: ['didcomm/v2'] },
      };
      try {
        await store.transaction(async (tx) => {
          await requireUser(tx, auth.tenant, userId);
          await tx.query(
            'INSERT INTO sync_sessions (tenant, id, user_id, started_at, doc) VALUES ($1, $2, $3, NULL, $4)',
            [auth.tenant, id, userId, JSON.stringify(session)],
          );
        });
      } catch (error) {
        if (error instanceof UniqueViolationError) {
          throw new SandboxRefusal(
            409,
            'sync_session_id_in_use',
            `body.syncSessionId: you already have a sync session with the id ${id}`,
          );
        }
        throw error;
      }
      const oob = Buffer.from(JSON.stringify(invitation)).toString('base64url');
      return {
        status: 201,
        body: { syncSession: session, isConnected: false, invitationUrl: `${invitationBaseUrl}?_oob=${oob}` },
      };
    },

    async startSyncSession({ auth, input, now }) {
      const id = String(input.path['syncSessionId']);
      const started = await store.query(
        'UPDATE sync_sessions SET started_at = $1 WHERE tenant = $2 AND id = $3 AND started_at IS NULL RETURNING id',
        [iso(now), auth.tenant, id],
      );
      if (started.length === 1) return { status: 202 };
      const exists = await store.query('SELECT id FROM sync_sessions WHERE tenant = $1 AND id = $2', [auth.tenant, id]);
      if (exists.length === 0) throw notFound(`syncSessionId ${id}: you have no sync session with this id`);
      throw new SandboxRefusal(
        409,
        'sync_session_already_started',
        `syncSessionId ${id}: this sync session is already started`,
      );
    },
  };

  return {
    name: 'portabl',
    spec,
    validator: options.validator,
    operations: operationRules(spec),
    async authenticate(operation, headers, now) {
      if (!operation.security) return { auth: undefined as unknown as PortablClient, rateKey: undefined };
      const header = headers['authorization'];
      const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header) : null;
      if (!match)
        throw unauthorized(
          'header Authorization: is required, as "Bearer <accessToken>" (POST /provider/token issues one)',
        );
      let payload: Json;
      try {
        ({ payload } = await jose.jwtVerify(match[1]!, signingKey, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: new Date(now),
          clockTolerance: 0,
        }));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw unauthorized(
          code === 'ERR_JWT_EXPIRED'
            ? 'header Authorization: the access token has expired; request a new one'
            : 'header Authorization: the access token is not one this sandbox issued (bad signature, algorithm or claims)',
        );
      }
      const client = credentials.portablClientById(String(payload['sub']));
      if (!client)
        throw unauthorized('header Authorization: the access token names a client this sandbox does not know');
      const granted = String(payload['scope'] ?? '').split(' ');
      const missing = operation.security.scopes.filter((s) => !granted.includes(s));
      if (missing.length) {
        throw new SandboxRefusal(
          403,
          'insufficient_scope',
          `scope: ${operation.operationId} needs ${missing.join(' and ')}, which the access token does not carry`,
        );
      }
      return { auth: client, rateKey: client.tenant };
    },
    rateKeyOf: (_operation, input) => {
      const clientId = (input.body as Json | undefined)?.['clientId'];
      return typeof clientId === 'string' ? `portabl:${clientId}` : undefined;
    },
    handlers,
    errorBody: (code, message) => ({ code, message }),
    codes: {
      validation: 'validation_failed',
      notFound: 'not_found',
      tooManyRequests: 'rate_limited',
      internal: 'internal_error',
    },
  };
}
