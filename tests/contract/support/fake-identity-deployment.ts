// A stateful stand-in for an Identities API deployment, small enough to read: identities live in memory under ids it
// makes up, an unknown id gets 404 identity_not_found, an email in use gets 400 email_already_in_use, a wrong
// apikey gets 401. It answers in the spec's shapes (the runner validates every body), and only the requests the
// contract flow sends. With `answersDocumentIds` it also lists the documents of an identity with their ids, a field
// the spec does not document, so that both ways the presign case can go are shown.
import { randomUUID } from 'node:crypto';
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-server.js';

export interface FakeIdentityDeployment extends FakeServer {
  apiKey: string;
  /** The ids of the identities stored now. */
  storedIds(): string[];
}

interface StoredIdentity {
  identity: Record<string, unknown> & { id: string; email: string };
  documents: (Record<string, unknown> & { id: string })[];
}

const APP_ID = '0f8e2c52-6a31-4b59-9f0e-5d1f7a3b2c41';
const error = (status: number, code: string, message: string): FakeReply => ({ status, body: { code, message } });

export async function startFakeIdentityDeployment({ answersDocumentIds }: { answersDocumentIds: boolean }): Promise<FakeIdentityDeployment> {
  const apiKey = `fake-deployment-key-${randomUUID()}`;
  const store = new Map<string, StoredIdentity>();

  const view = ({ identity, documents }: StoredIdentity) => ({ ...identity, ...(answersDocumentIds ? { documents } : {}) });
  const emailInUse = (email: unknown, except?: string) => [...store.values()].some((s) => s.identity.email === email && s.identity.id !== except);

  function create(body: any): FakeReply {
    if (emailInUse(body.email)) return error(400, 'email_already_in_use', `The email ${body.email} is already in use.`);
    const { documents = [], faceImages: _faceImages, gender, phone, ...fields } = body;
    const now = new Date().toISOString();
    const identity = {
      ...fields,
      id: randomUUID(),
      appId: APP_ID,
      ...(gender ? { gender: String(gender).toLowerCase() } : {}),
      phone: { sms: false, ...phone },
      identityOwner: body.identityOwner ?? null,
      blocked: false,
      identityConfirmed: false,
      kycStatus: [],
      createdAt: now,
      updatedAt: now,
    };
    const stored = { identity, documents: documents.map((d: object) => ({ id: randomUUID(), ...d })) };
    store.set(identity.id, stored);
    return { status: 200, body: { data: view(stored) } };
  }

  function handle({ method, segments, query, headers, body }: FakeRequest): FakeReply {
    if (headers['apikey'] !== apiKey) return error(401, 'unauthorized', 'The apikey header is missing or unknown.');
    const [root, id, child, documentId, action] = segments;
    if (root === 'sandbox' && method === 'POST' && id === 'identities' && child === 'approve') {
      const stored = store.get((body as { identityId: string }).identityId);
      if (!stored || stored.identity.email !== (body as { email: string }).email) return error(404, 'identity_not_found', 'No identity with that id and email.');
      stored.identity.identityConfirmed = true;
      return { status: 200, body: { message: 'Identity approved.' } };
    }
    if (root !== 'identities') return error(404, 'identity_not_found', 'No such route.');
    if (id === undefined) {
      if (method === 'POST') return create(body);
      const wanted = query.get('filter[id]');
      const data = [...store.values()].filter((s) => wanted === null || s.identity.id === wanted).map(view);
      return { status: 200, body: { total: data.length, data } };
    }
    const stored = store.get(id);
    if (!stored) return error(404, 'identity_not_found', `Identity ${id} not found.`);
    if (child === 'operations') {
      return { status: 200, body: { data: [{ action: 'create', active: false, code: 'deposit:wire', reason: 'kyc_required_status_not_reached' }] } };
    }
    if (child === 'documents' && action === 'presign-url') {
      if (!stored.documents.some((d) => d.id === documentId)) return error(404, 'identity_not_found', `Document ${documentId} not found.`);
      return { status: 200, body: { data: { url: `https://documents.example.com/presigned/${documentId}?expires=300` } } };
    }
    if (method === 'GET') return { status: 200, body: { data: view(stored) } };
    if (method === 'PATCH') {
      if (emailInUse((body as { email?: string }).email, id)) return error(400, 'email_already_in_use', 'The email is already in use.');
      Object.assign(stored.identity, body, { updatedAt: new Date().toISOString() });
      return { status: 200, body: { data: view(stored) } };
    }
    if (method === 'DELETE') {
      store.delete(id);
      return { status: 204 };
    }
    return error(404, 'identity_not_found', 'No such route.');
  }

  const server = await startFakeServer(handle);
  return { ...server, apiKey, storedIds: () => [...store.keys()] };
}
