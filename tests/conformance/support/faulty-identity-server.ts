// A small stateful Identities server for create, read and delete (the operations the fault-injection test runs),
// correct by default and broken on request, one fault at a time, each fault aimed at one check of the runner.
// It judges request bodies with the bundle's own schemas and answers in the spec's shapes, so that without a fault
// the runner must find nothing.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiTarget } from '../../../scripts/conformance/runner.mjs';
import { createValidator } from '../../../scripts/conformance/spec-validator.mjs';
import { loadBundle } from '../../../scripts/conformance/targets.mjs';
import { startHttpServer } from '../../support/http-server.js';

export const FAULTS = [
  'server-error', // GET answers 500
  'undocumented-status', // GET answers 418
  'wrong-content-type', // GET answers its JSON as text/html
  'missing-retry-after', // every request answers 429 without Retry-After
  'off-schema-body', // GET answers a body its schema refuses
  'accepts-invalid-body', // POST stores whatever it is sent
  'refuses-valid-body', // POST refuses every body with 400
  'ignores-credential', // POST creates without looking at the apikey
  'deleted-still-readable', // DELETE answers 204 and keeps the identity
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultyServer {
  url: string;
  apiKey: string;
  /** "METHOD /path?query body" of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STAMP = '2024-05-02T10:15:30.000Z';

// Compiled once per process: every test starts several of these servers.
let validator: ReturnType<typeof createValidator> | undefined;

export async function startFaultyIdentityServer(fault?: Fault): Promise<FaultyServer> {
  const apiKey = 'fault-injection-key';
  validator ??= createValidator(loadBundle('identity'), 'https://kyc-contracts.invalid/faulty-identity.json');
  const store = new Map<string, Record<string, unknown>>();
  const requests: string[] = [];
  let next = 0;

  type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
  const error = (status: number, code: string, message: string): Reply => ({ status, body: { code, message } });

  const create = (body: any): Reply => {
    if (fault === 'refuses-valid-body') return error(400, 'validation_failed', 'Refused (injected fault).');
    if (
      fault !== 'accepts-invalid-body' &&
      validator!.validate('#/components/schemas/CreateIdentityRequest', body).length > 0
    ) {
      return error(400, 'validation_failed', 'The body breaks the schema.');
    }
    if (fault !== 'accepts-invalid-body' && body.type === 'company') {
      const owner = store.get(body.identityOwner);
      if (!owner) return error(404, 'identity_owner_not_found', 'No such owner.');
      if (owner['type'] !== 'person')
        return error(422, 'identity_owner_must_be_of_type_person', 'The owner is not a person.');
    }
    // Ids from a counter, so that two runs with one seed see the same ids.
    const id = `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
    const {
      documents: _d,
      faceImages: _f,
      gender,
      phone,
      ...fields
    } = typeof body === 'object' && body ? body : ({} as any);
    const identity = {
      ...fields,
      type: body?.type === 'company' ? 'company' : 'person',
      id,
      appId: '0f8e2c52-6a31-4b59-9f0e-5d1f7a3b2c41',
      ...(typeof gender === 'string' ? { gender: gender.toLowerCase() } : {}),
      ...(phone && typeof phone === 'object' ? { phone: { sms: false, ...phone } } : {}),
      identityOwner: body?.identityOwner ?? null,
      blocked: false,
      identityConfirmed: false,
      kycStatus: [],
      createdAt: STAMP,
      updatedAt: STAMP,
    };
    store.set(id, identity);
    return { status: 200, body: { data: identity } };
  };

  const handle = (method: string, segments: string[], headers: IncomingHttpHeaders, body: unknown): Reply => {
    if (fault === 'missing-retry-after') return error(429, 'too_many_requests', 'Slow down.');
    const ignoresKey = fault === 'ignores-credential' && method === 'POST';
    if (!ignoresKey && headers['apikey'] !== apiKey)
      return error(401, 'unauthorized', 'The apikey header is missing or unknown.');
    const [root, id, ...rest] = segments;
    if (root !== 'identities' || rest.length > 0) return error(404, 'identity_not_found', 'No such route.');
    if (id === undefined) return method === 'POST' ? create(body) : error(404, 'identity_not_found', 'No such route.');
    if (!UUID.test(id)) return error(400, 'validation_failed', 'The id is not a UUID.');
    const identity = store.get(id);
    if (method === 'GET') {
      if (fault === 'server-error') return error(500, 'internal_error', 'Injected fault.');
      if (fault === 'undocumented-status') return error(418, 'validation_failed', 'Injected fault.');
      if (!identity) return error(404, 'identity_not_found', `Identity ${id} not found.`);
      if (fault === 'wrong-content-type')
        return { status: 200, body: { data: identity }, headers: { 'content-type': 'text/html' } };
      if (fault === 'off-schema-body') return { status: 200, body: { data: { ...identity, id: 42 } } };
      return { status: 200, body: { data: identity } };
    }
    if (method === 'DELETE') {
      if (!identity) return error(404, 'identity_not_found', `Identity ${id} not found.`);
      if (fault !== 'deleted-still-readable') store.delete(id);
      return { status: 204 };
    }
    return error(404, 'identity_not_found', 'No such route.');
  };

  const server = await startHttpServer(({ method, url: target, headers, body: text }, res) => {
    const url = new URL(target, 'http://fake.invalid');
    requests.push(`${method} ${url.pathname}${url.search} ${text}`.trim());
    let reply: Reply;
    try {
      reply = handle(
        method,
        url.pathname.split('/').filter(Boolean).map(decodeURIComponent),
        headers,
        text === '' ? undefined : JSON.parse(text),
      );
    } catch {
      reply = error(400, 'validation_failed', 'The body is not JSON.');
    }
    res.writeHead(reply.status, {
      ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  });
  return {
    url: server.origin,
    apiKey,
    requests,
    close: () => server.close(),
  };
}

/** The runner's target for a faulty server: the Identities API, stateful, refusing a wrong API key. */
export function identityTarget(server: FaultyServer): ApiTarget {
  return {
    name: 'identity',
    doc: loadBundle('identity'),
    baseUrl: server.url,
    credential: {
      header: 'apikey',
      value: server.apiKey,
      wrong: 'made-up-key',
      variable: '$CONTRACT_IDENTITY_API_KEY',
    },
    wrongCredentials: true,
    stateful: true,
  };
}
