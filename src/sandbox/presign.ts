// Presigned document URLs the sandbox serves itself: the URL carries what it grants (tenant, identity, document)
// and until when, signed with HMAC-SHA256; it is honoured until the sandbox clock passes its expiry.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PresignGrant {
  tenant: string;
  identityId: string;
  documentId: string;
  /** Expiry, in seconds since the Unix epoch (sandbox clock). */
  expires: number;
}

export function signGrant(key: Buffer, grant: PresignGrant): string {
  const payload = Buffer.from(
    JSON.stringify([grant.tenant, grant.identityId, grant.documentId, grant.expires]),
  ).toString('base64url');
  const signature = createHmac('sha256', key).update(payload).digest('base64url');
  return `${payload}.${signature}`;
}

/** The grant a token carries, or undefined when it is malformed or its signature is not ours. */
export function readGrant(key: Buffer, token: string): PresignGrant | undefined {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return undefined;
  const expected = createHmac('sha256', key).update(payload).digest();
  const offered = Buffer.from(signature, 'base64url');
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return undefined;
  try {
    const [tenant, identityId, documentId, expires] = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof tenant !== 'string' ||
      typeof identityId !== 'string' ||
      typeof documentId !== 'string' ||
      typeof expires !== 'number'
    )
      return undefined;
    return { tenant, identityId, documentId, expires };
  } catch {
    return undefined;
  }
}
