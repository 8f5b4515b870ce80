// decodeInvitation: the DIDComm v2 out-of-band invitation a sync session's invitationUrl carries in its `_oob`
// query parameter (base64url of a JSON message), checked against the spec's OutOfBandInvitation schema.
import type { components } from '../../generated/portabl/schema.js';
// The OutOfBandInvitation schema compiled at build time (Ajv standalone code, no compiler). A static import:
// decodeInvitation is synchronous, and ESM has no synchronous lazy import.
import { validate as validateInvitation } from '../../generated/portabl/validators/invitation.js';
import { type SchemaIssue, toIssues, type ValidateFunction } from '../schema-issues.js';

export type OutOfBandInvitation = components['schemas']['OutOfBandInvitation'];

export type InvitationProblem = 'not-a-url' | 'no-oob-parameter' | 'not-base64url' | 'not-json' | 'invalid-invitation';

/** The invitation URL carries no well-formed invitation; `problem` says which step failed. */
export class InvitationError extends Error {
  override readonly name = 'InvitationError';
  constructor(
    readonly problem: InvitationProblem,
    message: string,
    /** For `invalid-invitation`: each mismatch with the schema, as a JSON pointer into the invitation. */
    readonly issues: readonly SchemaIssue[] = [],
  ) {
    super(`decodeInvitation: ${message}`);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Decodes base64url (padded or not) to UTF-8 text with web APIs only, so it runs in browsers too. */
function decodeBase64Url(encoded: string): string {
  const unpadded = encoded.replace(/=+$/, '');
  // A length of 4n+1 characters cannot come from any byte sequence.
  if (!BASE64URL.test(encoded) || unpadded.length === 0 || unpadded.length % 4 === 1) {
    throw new InvitationError('not-base64url', 'the _oob parameter is not base64url (RFC 4648 §5: A-Z a-z 0-9 - _)');
  }
  const base64 = unpadded
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(unpadded.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvitationError(
      'not-json',
      'the _oob parameter decodes to bytes that are not UTF-8 text, so not a JSON message',
    );
  }
}

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * The out-of-band invitation in `invitationUrl` (from createSyncSession's answer), typed and checked.
 * Throws InvitationError if the URL is not one, has no `_oob` parameter, or carries a malformed invitation.
 */
export function decodeInvitation(invitationUrl: string): OutOfBandInvitation {
  if (typeof invitationUrl !== 'string')
    throw new InvitationError('not-a-url', `expected the invitationUrl string, got ${typeof invitationUrl}`);
  let url: URL;
  try {
    url = new URL(invitationUrl);
  } catch {
    throw new InvitationError('not-a-url', `${quote(invitationUrl)} is not an absolute URL`);
  }
  const encoded = url.searchParams.get('_oob');
  if (encoded === null) {
    const hint = url.searchParams.has('_oobid')
      ? ' (it has _oobid: a shortened invitation must be fetched from its issuer first)'
      : '';
    throw new InvitationError('no-oob-parameter', `${quote(invitationUrl)} carries no _oob query parameter${hint}`);
  }
  const text = decodeBase64Url(encoded);
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    throw new InvitationError('not-json', 'the _oob parameter decodes to text that is not JSON');
  }
  const check = validateInvitation as ValidateFunction;
  const issues = check(message) ? [] : toIssues(check.errors);
  if (issues.length) {
    const listed = issues.map((i) => `${i.path === '' ? '(invitation)' : i.path} ${i.message}`).join('; ');
    throw new InvitationError(
      'invalid-invitation',
      `the _oob message is not a DIDComm v2 out-of-band invitation: ${listed}`,
      issues,
    );
  }
  return message as OutOfBandInvitation;
}
