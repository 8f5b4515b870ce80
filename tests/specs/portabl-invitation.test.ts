// The DIDComm out-of-band invitation: its schema survives bundling as a named component, linked from
// `invitationUrl`, and the document's example invitation decodes to a message that satisfies it.
import { describe, expect, it } from 'vitest';
import { componentIssues, loadBundle } from '../support/bundles.js';

const doc = loadBundle('portabl');
const example = doc.components?.examples?.SyncSessionCreated?.value as {
  syncSession: { id: string };
  invitationUrl: string;
};

function decodeOob(invitationUrl: string): unknown {
  const oob = new URL(invitationUrl).searchParams.get('_oob');
  if (!oob) throw new Error(`${invitationUrl} has no _oob query parameter`);
  return JSON.parse(Buffer.from(oob, 'base64url').toString('utf8'));
}

describe('Portabl out-of-band invitation', () => {
  it('is a named schema of the bundle', () => {
    expect(doc.components?.schemas?.OutOfBandInvitation).toBeDefined();
  });

  it('is linked from invitationUrl through $defs, so that no-unused-components keeps it honest', () => {
    const invitationUrl = doc.components?.schemas?.SyncSessionCreated?.properties?.invitationUrl;
    expect(invitationUrl?.$defs?.OutOfBandInvitation).toEqual({ $ref: '#/components/schemas/OutOfBandInvitation' });
  });

  it("the example's invitationUrl decodes to a valid invitation", () => {
    expect(componentIssues('portabl', 'OutOfBandInvitation', decodeOob(example.invitationUrl))).toEqual([]);
  });

  it('the decoded invitation belongs to the example sync session', () => {
    const invitation = decodeOob(example.invitationUrl) as { id: string; thid?: string };
    expect(invitation.id).toBe(example.syncSession.id);
    expect(invitation.thid).toBe(example.syncSession.id);
  });

  it("the schema's own example equals the decoded invitation", () => {
    expect(doc.components?.schemas?.OutOfBandInvitation?.examples).toEqual([decodeOob(example.invitationUrl)]);
  });

  it('rejects a decoded message that is not an invitation', () => {
    const notAnInvitation = {
      ...(decodeOob(example.invitationUrl) as object),
      type: 'https://didcomm.org/basicmessage/2.0/message',
    };
    expect(componentIssues('portabl', 'OutOfBandInvitation', notAnInvitation)).toContainEqual({
      path: '/type',
      message: expect.stringMatching(/must be equal to constant/),
    });
  });
});
