// The Identities API sandbox: identities stored per tenant (API key), with every rule the spec states beyond its
// schemas: an email unique per tenant (a UNIQUE constraint), the owner of a company must exist and be a person,
// the birthday's age range (`x-age-range`), the fields a confirmed identity locks (`x-immutable-when-confirmed`),
// the KYC approval that turns the identity's operations on, and documents with ids and presigned URLs.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SpecDocument } from '../../spec-document.js';
import type { SpecValidator } from '../../spec-validator.js';
import type { SandboxClock } from '../clock.js';
import type { CredentialBook, IdentityTenant } from '../credentials.js';
import { SandboxRefusal } from '../errors.js';
import { type OperationRule, operationRules } from '../operations.js';
import { readGrant, signGrant } from '../presign.js';
import type { Answer, ApiDefinition, HandlerContext } from '../server.js';
import { enumAt, isPositiveInteger, isStringList, specFact } from '../spec-facts.js';
import { type Queryable, type SandboxStore, UniqueViolationError } from '../store/index.js';

type Json = Record<string, any>;
type Context = HandlerContext<IdentityTenant>;

const notFound = (id: string) =>
  new SandboxRefusal(404, 'identity_not_found', `id ${id}: no identity of yours has this id`);
const invalid = (message: string) => new SandboxRefusal(400, 'validation_failed', message);

const iso = (ms: number) => new Date(ms).toISOString();

/** Completed years between a `YYYY-MM-DD` birthday and the sandbox's today (UTC). */
export function ageOn(birthday: string, now: number): number {
  const [y, m, d] = birthday.split('-').map(Number) as [number, number, number];
  const today = new Date(now);
  let age = today.getUTCFullYear() - y;
  const month = today.getUTCMonth() + 1;
  if (month < m || (month === m && today.getUTCDate() < d)) age -= 1;
  return age;
}

/** The stored identity as JSON text (what the store keeps), or undefined. */
async function loadJson(q: Queryable, tenant: string, id: string): Promise<string | undefined> {
  const rows = await q.query<{ doc: string }>('SELECT doc FROM identities WHERE tenant = $1 AND id = $2', [tenant, id]);
  return rows[0]?.doc;
}

async function load(q: Queryable, tenant: string, id: string): Promise<Json | undefined> {
  const doc = await loadJson(q, tenant, id);
  return doc === undefined ? undefined : (JSON.parse(doc) as Json);
}

/** A value at a dotted path (`tax.country`) of a body or a stored identity. */
function at(value: Json, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), value);
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The filters of the list operation, with the operators IdentityFilter's patterns admit. */
function matches(identity: Json, filter: Json): boolean {
  for (const [field, raw] of Object.entries(filter)) {
    const stored = identity[field];
    if (typeof raw === 'boolean') {
      if (stored !== raw) return false;
      continue;
    }
    const value = String(raw);
    if (value.startsWith('like:')) {
      if (typeof stored !== 'string' || !stored.toLowerCase().includes(value.slice(5).toLowerCase())) return false;
    } else if (value.startsWith('in:')) {
      if (!splitList(value.slice(3)).includes(String(stored))) return false;
    } else if (value.startsWith('nin:')) {
      if (stored !== undefined && stored !== null && splitList(value.slice(4)).includes(String(stored))) return false;
    } else if (field === 'email') {
      if (typeof stored !== 'string' || stored.toLowerCase() !== value.toLowerCase()) return false;
    } else if (String(stored) !== value) return false;
  }
  return true;
}

export interface IdentityApiOptions {
  spec: SpecDocument;
  /** The spec's Ajv validators (validatorFor in src/validator-cache.ts), which requests are checked with. */
  validator: SpecValidator;
  store: SandboxStore;
  credentials: CredentialBook;
  clock: SandboxClock;
  /** Signs presigned document URLs (shared by processes that serve one data set). */
  signingKey: Buffer;
}

export function identityApi(options: IdentityApiOptions): ApiDefinition<IdentityTenant> {
  const { spec, store, credentials, clock } = options;
  const ageRange = specFact<{ min: number; max: number }>(
    spec,
    '#/components/schemas/Birthday/x-age-range',
    (v) => isPositiveInteger((v as Json | undefined)?.['min']) && isPositiveInteger((v as Json | undefined)?.['max']),
    'x-age-range {min, max}',
  );
  const immutable = specFact<string[]>(
    spec,
    '#/components/schemas/UpdateIdentityRequest/x-immutable-when-confirmed',
    isStringList,
    'x-immutable-when-confirmed list',
  );
  const operationCodes = enumAt(spec, '#/components/schemas/IdentityOperation/properties/code');
  const reasons = specFact<Json>(
    spec,
    '#/components/schemas/IdentityOperation/properties/reason/x-reasons',
    (v) => !!v && typeof v === 'object',
    'x-reasons map',
  );
  const presignTtl = specFact<number>(
    spec,
    '#/x-sandbox/presignedUrlTtlSeconds',
    isPositiveInteger,
    'x-sandbox.presignedUrlTtlSeconds',
  );
  const notApproved = 'kyc_required_status_not_reached';
  if (!(notApproved in reasons)) throw new Error(`the bundled spec's x-reasons does not list ${notApproved}`);

  const checkBirthday = (body: Json, now: number) => {
    if (typeof body['birthday'] !== 'string') return;
    const age = ageOn(body['birthday'], now);
    if (age < ageRange.min || age > ageRange.max) {
      throw invalid(
        `body.birthday: ${body['birthday']} makes the person ${age} years old on ${iso(now).slice(0, 10)}; ` +
          `the age must be ${ageRange.min} to ${ageRange.max} years (x-age-range)`,
      );
    }
  };
  const checkOwner = async (q: Queryable, tenant: string, ownerId: unknown) => {
    if (typeof ownerId !== 'string') return;
    const owner = await load(q, tenant, ownerId);
    if (!owner)
      throw new SandboxRefusal(
        404,
        'identity_owner_not_found',
        `body.identityOwner: no identity of yours has the id ${ownerId}`,
      );
    if (owner['type'] !== 'person') {
      throw new SandboxRefusal(
        422,
        'identity_owner_must_be_of_type_person',
        `body.identityOwner: ${ownerId} is a ${String(owner['type'])}; the owner must be a person`,
      );
    }
  };
  const withDocumentIds = (documents: unknown) =>
    Array.isArray(documents) ? documents.map((d: Json) => ({ id: randomUUID(), ...d })) : undefined;
  const emailInUse = (email: string) =>
    new SandboxRefusal(
      400,
      'email_already_in_use',
      `body.email: ${email} is already the email of another identity of yours`,
    );
  const write = async <T>(work: (tx: Queryable) => Promise<T>, email: string): Promise<T> => {
    try {
      return await store.transaction(work);
    } catch (error) {
      if (error instanceof UniqueViolationError && /email/.test(error.constraint)) throw emailInUse(email);
      throw error;
    }
  };

  const handlers: Record<string, (c: Context) => Promise<Answer>> = {
    async createIdentity({ auth, input, now }) {
      const body = input.body as Json;
      checkBirthday(body, now);
      const identity: Json = {
        id: randomUUID(),
        appId: auth.appId,
        type: body['type'],
        name: body['name'],
        email: body['email'],
        ...(body['birthday'] !== undefined ? { birthday: body['birthday'] } : {}),
        ...(body['gender'] !== undefined ? { gender: String(body['gender']).toLowerCase() } : {}),
        address: body['address'],
        phone: { sms: false, ...body['phone'] },
        tax: body['tax'],
        blocked: false,
        identityConfirmed: false,
        identityOwner: body['identityOwner'] ?? null,
        kycStatus: [],
        ...(body['documents'] !== undefined ? { documents: withDocumentIds(body['documents']) } : {}),
        ...(body['faceImages'] !== undefined ? { faceImages: body['faceImages'] } : {}),
        createdAt: iso(now),
        updatedAt: iso(now),
      };
      await write(async (tx) => {
        await checkOwner(tx, auth.tenant, body['identityOwner']);
        await tx.query('INSERT INTO identities (tenant, id, email_key, created_at, doc) VALUES ($1, $2, $3, $4, $5)', [
          auth.tenant,
          identity['id'],
          String(identity['email']).toLowerCase(),
          identity['createdAt'],
          JSON.stringify(identity),
        ]);
      }, String(identity['email']));
      return { status: 200, body: { data: identity } };
    },

    async listIdentities({ auth, input }) {
      const query = input.query as Json;
      const rows = await store.query<{ doc: string }>('SELECT doc FROM identities WHERE tenant = $1', [auth.tenant]);
      const sort = String(query['sort'] ?? 'createdAt');
      const field = sort.replace(/^-/, '');
      const direction = sort.startsWith('-') ? -1 : 1;
      const found = rows
        .map((r) => JSON.parse(r.doc) as Json)
        .filter((identity) => matches(identity, (query['filter'] as Json | undefined) ?? {}))
        .sort(
          (a, b) =>
            direction *
            (String(a[field]).localeCompare(String(b[field])) || String(a['id']).localeCompare(String(b['id']))),
        );
      const page = (query['page'] as Json | undefined) ?? {};
      const size = Number(page['size'] ?? 30);
      const number = Number(page['number'] ?? 1);
      const data = query['all'] === true ? found : found.slice((number - 1) * size, number * size);
      return { status: 200, body: { total: found.length, data } };
    },

    async getIdentity({ auth, input }) {
      const id = String(input.path['id']);
      // The stored text is the identity as answered (written by JSON.stringify of a checked identity): it is sent
      // as it is rather than parsed and serialised again on the hottest path.
      const identity = await loadJson(store, auth.tenant, id);
      if (identity === undefined) throw notFound(id);
      return { status: 200, json: `{"data":${identity}}` };
    },

    async updateIdentity({ auth, input, now }) {
      const id = String(input.path['id']);
      const body = input.body as Json;
      const email = typeof body['email'] === 'string' ? body['email'] : '';
      const updated = await write(async (tx) => {
        const stored = await load(tx, auth.tenant, id);
        if (!stored) throw notFound(id);
        if (stored['identityConfirmed'] === true) {
          const changed = immutable.filter((path) => {
            const sent = at(body, path);
            if (sent === undefined) return false;
            const kept = at(stored, path);
            return path === 'gender' ? String(sent).toLowerCase() !== kept : sent !== kept;
          });
          if (changed.length) {
            throw new SandboxRefusal(
              422,
              'identity_confirmed_field_immutable',
              `body.${changed.join(', body.')}: cannot change on a confirmed identity (x-immutable-when-confirmed: ${immutable.join(', ')})`,
            );
          }
        }
        checkBirthday(body, now);
        await checkOwner(tx, auth.tenant, body['identityOwner']);
        const next: Json = { ...stored };
        for (const [key, value] of Object.entries(body)) {
          if (key === 'gender') next[key] = String(value).toLowerCase();
          else if (key === 'phone') next[key] = { sms: false, ...(value as Json) };
          else if (key === 'documents') next[key] = withDocumentIds(value);
          else next[key] = value;
        }
        // The rules of the identity's type hold for the result, whatever the body said (spec: "only known to the API").
        if (next['type'] === 'company') {
          if (!next['identityOwner']) throw invalid('body.identityOwner: is required for a company');
          if (!(next['tax'] as Json | undefined)?.['formationRegion'])
            throw invalid('body.tax.formationRegion: is required for a company');
          if (next['identityOwner'] === id) throw invalid('body.identityOwner: an identity cannot own itself');
        } else {
          if (next['birthday'] === undefined) throw invalid('body.birthday: is required for a person');
          if (next['gender'] === undefined) throw invalid('body.gender: is required for a person');
        }
        next['updatedAt'] = iso(Math.max(now, Date.parse(String(stored['updatedAt']))));
        await tx.query('UPDATE identities SET email_key = $1, doc = $2 WHERE tenant = $3 AND id = $4', [
          String(next['email']).toLowerCase(),
          JSON.stringify(next),
          auth.tenant,
          id,
        ]);
        return next;
      }, email);
      return { status: 200, body: { data: updated } };
    },

    async deleteIdentity({ auth, input }) {
      const id = String(input.path['id']);
      const rows = await store.query('DELETE FROM identities WHERE tenant = $1 AND id = $2 RETURNING id', [
        auth.tenant,
        id,
      ]);
      if (rows.length === 0) throw notFound(id);
      return { status: 204 };
    },

    async listIdentityOperations({ auth, input }) {
      const id = String(input.path['id']);
      const identity = await load(store, auth.tenant, id);
      if (!identity) throw notFound(id);
      const approved =
        identity['identityConfirmed'] === true &&
        (identity['kycStatus'] as Json[]).some((s) => s['status'] === 'approved');
      const data = operationCodes.map((code) => ({
        action: 'create',
        code,
        active: approved,
        ...(approved ? {} : { reason: notApproved }),
      }));
      return { status: 200, body: { data } };
    },

    async approveSandboxIdentity({ auth, input, now }) {
      const body = input.body as Json;
      const id = String(body['identityId']);
      await store.transaction(async (tx) => {
        const identity = await load(tx, auth.tenant, id);
        if (!identity)
          throw new SandboxRefusal(404, 'identity_not_found', `body.identityId: no identity of yours has the id ${id}`);
        if (String(identity['email']).toLowerCase() !== String(body['email']).toLowerCase()) {
          throw invalid(`body.email: is not the email of identity ${id}`);
        }
        identity['identityConfirmed'] = true;
        identity['kycStatus'] = [{ provider: 'sandbox', status: 'approved', updatedAt: iso(now) }];
        identity['updatedAt'] = iso(now);
        await tx.query('UPDATE identities SET doc = $1 WHERE tenant = $2 AND id = $3', [
          JSON.stringify(identity),
          auth.tenant,
          id,
        ]);
      });
      return { status: 200, body: { message: `Identity ${id} approved` } };
    },

    async getIdentityDocumentPresignUrl({ auth, input, now, baseUrl }) {
      const identityId = String(input.path['identityId']);
      const documentId = String(input.path['id']);
      const identity = await load(store, auth.tenant, identityId);
      if (!identity) throw notFound(identityId);
      const documents = (identity['documents'] as Json[] | undefined) ?? [];
      if (!documents.some((d) => d['id'] === documentId)) {
        throw new SandboxRefusal(
          404,
          'identity_not_found',
          `id ${documentId}: identity ${identityId} has no document with this id`,
        );
      }
      const expires = Math.floor(now / 1000) + presignTtl;
      const token = signGrant(options.signingKey, { tenant: auth.tenant, identityId, documentId, expires });
      return { status: 200, body: { data: { url: `${baseUrl}/__sandbox/documents/${token}` } } };
    },
  };

  const operations: OperationRule[] = operationRules(spec);
  return {
    name: 'identity',
    spec,
    validator: options.validator,
    operations,
    // Not async: an API key is checked without waiting, so the request goes on in the same turn.
    authenticate(operation, headers) {
      if (!operation.security) return { auth: undefined as unknown as IdentityTenant, rateKey: undefined };
      const header = headers[operation.security.headerName ?? 'apikey'];
      const key = Array.isArray(header) ? undefined : header;
      if (!key)
        throw new SandboxRefusal(
          401,
          'unauthorized',
          `header ${operation.security.headerName}: is required (your API key)`,
        );
      const tenant = credentials.identityTenant(key);
      if (!tenant)
        throw new SandboxRefusal(
          401,
          'unauthorized',
          `header ${operation.security.headerName}: is not a key this sandbox knows`,
        );
      return { auth: tenant, rateKey: tenant.tenant };
    },
    handlers,
    errorBody: (code, message) => ({ code, message }),
    codes: {
      validation: 'validation_failed',
      notFound: 'identity_not_found',
      tooManyRequests: 'too_many_requests',
      internal: 'internal_error',
    },
    extraRoutes(app: FastifyInstance) {
      // The target of a presigned URL: the document's stored description while the grant lasts.
      app.get('/__sandbox/documents/:token', async (request, reply) => {
        const grant = readGrant(options.signingKey, String((request.params as Json)['token']));
        const send = (status: number, body: Json) =>
          reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
        if (!grant)
          return send(403, {
            code: 'signature_invalid',
            message: 'This presigned URL was not issued by this sandbox.',
          });
        if (Math.floor(clock.now() / 1000) >= grant.expires) {
          return send(403, {
            code: 'url_expired',
            message: `This presigned URL expired at ${iso(grant.expires * 1000)}.`,
          });
        }
        const identity = await load(store, grant.tenant, grant.identityId);
        const document = ((identity?.['documents'] as Json[] | undefined) ?? []).find(
          (d) => d['id'] === grant.documentId,
        );
        if (!document) return send(404, { code: 'identity_not_found', message: 'The document no longer exists.' });
        return send(200, { identityId: grant.identityId, document, expiresAt: iso(grant.expires * 1000) });
      });
    },
  };
}
