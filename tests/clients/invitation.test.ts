import { describe, expect, it } from 'vitest';
import { decodeInvitation, InvitationError, type OutOfBandInvitation } from '../../src/portabl/index.js';
import { loadBundle } from '../support/bundles.js';

const bundle = loadBundle('portabl');
const example = bundle.components?.['examples']?.['SyncSessionCreated']?.value as { invitationUrl: string };
const schemaExample = (bundle.components!['schemas']!['OutOfBandInvitation'] as { examples: OutOfBandInvitation[] })
  .examples[0]!;

const toBase64Url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const withOob = (oob: string) => `https://api.getportabl.com/connect?_oob=${oob}`;

function problemOf(call: () => unknown): { problem: string; message: string; issues: readonly { path: string }[] } {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(InvitationError);
    return error as InvitationError;
  }
  throw new Error('expected decodeInvitation to throw');
}

describe('decodeInvitation', () => {
  it("decodes the spec example's invitationUrl (the document's) to the typed invitation", () => {
    const invitation = decodeInvitation(example.invitationUrl);

    expect(invitation.type).toBe('https://didcomm.org/out-of-band/2.0/invitation');
    expect(invitation.from).toBe('did:key:z6MktsFyH6Fqu4mdhovKoHQ9jAkJJhdPdATk4EQGGt8eiGq2');
    expect(invitation.body.goal_code).toBe('Sync');
    expect(invitation.body.accept).toEqual(['didcomm/v2']);
    expect(invitation).toEqual(schemaExample);
  });

  it('accepts padded base64url', () => {
    const padded = toBase64Url(JSON.stringify(schemaExample)).padEnd(
      Math.ceil(toBase64Url(JSON.stringify(schemaExample)).length / 4) * 4,
      '=',
    );
    expect(decodeInvitation(withOob(padded))).toEqual(schemaExample);
  });

  it('rejects a string that is not a URL', () => {
    const e = problemOf(() => decodeInvitation('not a url'));
    expect(e.problem).toBe('not-a-url');
    expect(e.message).toBe('decodeInvitation: "not a url" is not an absolute URL');
  });

  it('rejects a URL without _oob, and points out a shortened _oobid one', () => {
    expect(problemOf(() => decodeInvitation('https://api.getportabl.com/connect')).message).toBe(
      'decodeInvitation: "https://api.getportabl.com/connect" carries no _oob query parameter',
    );
    const short = problemOf(() => decodeInvitation('https://api.getportabl.com/connect?_oobid=abc'));
    expect(short.problem).toBe('no-oob-parameter');
    expect(short.message).toContain('it has _oobid: a shortened invitation must be fetched from its issuer first');
  });

  it.each([
    ['standard base64 characters', 'ab+/cd'],
    ['an impossible length', 'abcde'],
    ['an empty value', ''],
  ])('rejects _oob that is not base64url: %s', (_name, oob) => {
    const e = problemOf(() => decodeInvitation(withOob(encodeURIComponent(oob))));
    expect(e.problem).toBe('not-base64url');
    expect(e.message).toBe('decodeInvitation: the _oob parameter is not base64url (RFC 4648 §5: A-Z a-z 0-9 - _)');
  });

  it('rejects _oob that decodes to something other than JSON', () => {
    const e = problemOf(() => decodeInvitation(withOob(toBase64Url('hello, not json'))));
    expect(e.problem).toBe('not-json');
    expect(e.message).toBe('decodeInvitation: the _oob parameter decodes to text that is not JSON');
    expect(
      problemOf(() => decodeInvitation(withOob(Buffer.from([0xff, 0xfe, 0x00]).toString('base64url')))).problem,
    ).toBe('not-json');
  });

  it('rejects JSON that is not an out-of-band invitation, naming each failing path', () => {
    const wrong = {
      ...schemaExample,
      type: 'https://didcomm.org/basicmessage/2.0/message',
      body: { ...schemaExample.body, accept: 'didcomm/v2' },
    };
    const e = problemOf(() => decodeInvitation(withOob(toBase64Url(JSON.stringify(wrong)))));

    expect(e.problem).toBe('invalid-invitation');
    expect(e.issues.map((i) => i.path).sort()).toEqual(['/body/accept', '/type']);
    expect(e.message).toMatch(
      /^decodeInvitation: the _oob message is not a DIDComm v2 out-of-band invitation: .*\/type must be equal to constant/,
    );
  });

  it('rejects an invitation without its required members', () => {
    const { from: _from, ...withoutFrom } = schemaExample;
    const e = problemOf(() => decodeInvitation(withOob(toBase64Url(JSON.stringify(withoutFrom)))));
    expect(e.problem).toBe('invalid-invitation');
    expect(e.message).toContain(`(invitation) must have required property 'from'`);
  });
});
