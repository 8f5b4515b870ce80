// A stateful stand-in for a Portabl Core API deployment, small enough to read: it issues one token for its client
// and refuses any other (401), keeps users under the ids the provider upserts, answers 404 not_found for a user or
// sync session it does not have, and answers in the spec's shapes (the runner validates every body). Only the
// requests the contract flow sends.
import { randomBytes, randomUUID } from 'node:crypto';
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-server.js';

export interface FakePortablDeployment extends FakeServer {
  clientId: string;
  clientSecret: string;
  /** The ids of the users stored now. */
  userIds(): string[];
  /** The ids of the sync sessions created, and whether each was started. */
  syncSessions(): { id: string; userId: string; started: boolean }[];
}

interface StoredUser {
  settings: { isSyncOn: boolean };
  /** As responses spread them: flat. */
  claims: Record<string, unknown>;
}

const ACCESS_TOKEN = 'fake.access.token-for-examples-only';
const error = (status: number, code: string, message: string): FakeReply => ({ status, body: { code, message } });
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Requests nest the registration address; responses spread it flat (registrationAddressDetailsCountry, ...). */
function flatClaims({ registrationAddressDetails, ...claims }: Record<string, unknown>): Record<string, unknown> {
  const address = Object.entries((registrationAddressDetails ?? {}) as Record<string, unknown>).map(([key, value]) => [
    `registrationAddressDetails${key[0]!.toUpperCase()}${key.slice(1)}`,
    value,
  ]);
  return { ...claims, ...Object.fromEntries(address) };
}

export async function startFakePortablDeployment(): Promise<FakePortablDeployment> {
  const clientId = 'fake-deployment-client';
  const clientSecret = `fake-deployment-secret-${randomUUID()}`;
  const users = new Map<string, StoredUser>();
  const sessions = new Map<string, { id: string; userId: string; started: boolean; createdAt: string }>();

  function token(body: any): FakeReply {
    if (body?.clientId !== clientId || body?.clientSecret !== clientSecret) return error(401, 'invalid_client', 'Unknown client credentials.');
    return { status: 200, body: { tokenType: 'Bearer', scope: 'read:provider-users upsert:provider-users', accessToken: ACCESS_TOKEN, expiresIn: 3600 } };
  }

  function handle({ method, segments, headers, body }: FakeRequest): FakeReply {
    const [root, collection, id, child, action] = segments;
    if (root !== 'provider') return error(404, 'not_found', 'No such route.');
    if (collection === 'token' && method === 'POST') return token(body);
    if (headers['authorization'] !== `Bearer ${ACCESS_TOKEN}`) return error(401, 'invalid_token', 'The access token is missing or unknown.');

    if (collection === 'data-profiles') {
      const datapoint = {
        id: `urn:uuid:${randomUUID()}`,
        kind: 'FirstName',
        group: 'FullName',
        label: 'First Name',
        jsonPathArray: ['$.credentialSubject.firstName'],
        jsonSchema: { type: 'string' },
        evidenceOptionality: 'required',
      };
      return { status: 200, body: { datapoints: [datapoint] } };
    }
    if (collection === 'sync-sessions' && child === 'start' && method === 'POST') {
      const session = sessions.get(id ?? '');
      if (!session) return error(404, 'not_found', `Sync session ${id} not found.`);
      session.started = true;
      return { status: 202 };
    }
    if (collection !== 'users') return error(404, 'not_found', 'No such route.');
    if (id === undefined) {
      return { status: 200, body: { users: [...users].map(([userId, user]) => ({ id: userId, claims: user.claims, settings: user.settings })) } };
    }
    if (child === undefined && method === 'PUT') {
      // Creates or updates: the provider chooses the id.
      const settings = (body as { settings: { isSyncOn: boolean } }).settings;
      users.set(id, { claims: users.get(id)?.claims ?? {}, settings: { ...settings } });
      return { status: 200, body: { ...settings } };
    }
    const user = users.get(id);
    if (!user) return error(404, 'not_found', `User ${id} not found.`);
    if (child === 'settings') {
      if (method === 'PUT') user.settings = { ...(body as { settings: { isSyncOn: boolean } }).settings };
      return { status: 200, body: { ...user.settings } };
    }
    if (child === 'claims') {
      if (method === 'GET') return { status: 200, body: user.claims };
      user.claims = { ...user.claims, ...flatClaims((body as { claims: Record<string, unknown> }).claims) };
      return { status: 200, body: { _id: randomBytes(12).toString('hex'), userId: id, ...user.claims } };
    }
    if (child === 'sync-sessions' && method === 'POST' && action === undefined) {
      const now = new Date().toISOString();
      const session = { id: (body as { syncSessionId?: string } | undefined)?.syncSessionId ?? randomUUID(), userId: id, started: false, createdAt: now };
      sessions.set(session.id, session);
      const invitation = {
        type: 'https://didcomm.org/out-of-band/2.0/invitation',
        id: session.id,
        from: 'did:key:z6MkfakeDeploymentKey',
        body: { goal_code: 'Sync', goal: 'Sync', accept: ['didcomm/v2'] },
      };
      return {
        status: 201,
        body: {
          syncSession: { id: session.id, userId: id, didcommSessionIds: [], createdAt: now, updatedAt: now },
          isConnected: false,
          invitationUrl: `https://fake.example.com/connect?_oob=${base64url(invitation)}`,
        },
      };
    }
    return error(404, 'not_found', 'No such route.');
  }

  const server = await startFakeServer(handle);
  return {
    ...server,
    clientId,
    clientSecret,
    userIds: () => [...users.keys()],
    syncSessions: () => [...sessions.values()].map(({ id, userId, started }) => ({ id, userId, started })),
  };
}
