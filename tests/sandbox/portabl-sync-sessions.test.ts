// Portabl sandbox sync sessions: stored per user, their invitation a DIDComm v2 out-of-band message that the
// client's decodeInvitation reads (id and thid = the session, an expiry), started exactly once (202, then 409),
// 404 for an unknown session.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeInvitation } from '../../src/portabl/index.js';
import { START, startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
let userId: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  userId = randomUUID();
  await sandbox.portabl('PUT', `/provider/users/${userId}`, { settings: { isSyncOn: true } });
});
afterAll(() => sandbox.close());

describe('Portabl sandbox: sync sessions', () => {
  it('creates a session whose invitationUrl carries a DIDComm v2 out-of-band invitation for it', async () => {
    const reply = await sandbox.portabl('POST', `/provider/users/${userId}/sync-sessions`);
    expect(reply.status).toBe(201);
    const { syncSession, isConnected, invitationUrl } = reply.body;
    expect(syncSession).toMatchObject({ userId, didcommSessionIds: [], createdAt: new Date(START).toISOString() });
    expect(isConnected).toBe(false);
    const invitation = decodeInvitation(invitationUrl);
    expect(invitation).toMatchObject({
      type: 'https://didcomm.org/out-of-band/2.0/invitation',
      id: syncSession.id,
      thid: syncSession.id,
    });
    expect(invitation.from).toMatch(/^did:key:z6Mk/);
    expect(invitation.expires_time! - invitation.created_time!).toBe(60);
  });

  it('uses the syncSessionId the body chooses, and refuses it a second time: 409 sync_session_id_in_use', async () => {
    const syncSessionId = randomUUID();
    const first = await sandbox.portabl('POST', `/provider/users/${userId}/sync-sessions`, { syncSessionId });
    expect(first.body.syncSession.id).toBe(syncSessionId);
    const second = await sandbox.portabl('POST', `/provider/users/${userId}/sync-sessions`, { syncSessionId });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('sync_session_id_in_use');
  });

  it('starts a session once: 202 with no body, then 409 sync_session_already_started', async () => {
    const { id } = (await sandbox.portabl('POST', `/provider/users/${userId}/sync-sessions`)).body.syncSession;
    const started = await sandbox.portabl('POST', `/provider/sync-sessions/${id}/start`);
    expect(started.status).toBe(202);
    expect(started.text).toBe('');
    const again = await sandbox.portabl('POST', `/provider/sync-sessions/${id}/start`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('sync_session_already_started');
  });

  it('starts a session once when 20 starts race: one 202, nineteen 409', async () => {
    const { id } = (await sandbox.portabl('POST', `/provider/users/${userId}/sync-sessions`)).body.syncSession;
    const statuses = (
      await Promise.all(
        Array.from({ length: 20 }, () => sandbox.portabl('POST', `/provider/sync-sessions/${id}/start`)),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it('answers 404 for a session that does not exist', async () => {
    const id = randomUUID();
    const reply = await sandbox.portabl('POST', `/provider/sync-sessions/${id}/start`);
    expect(reply.status).toBe(404);
    expect(reply.body.message).toContain(id);
  });
});
