// Credentials and tenants. Each credential is a tenant: it sees only what it created. Secrets are kept only as
// SHA-256 digests and compared in constant time; the plain values exist only in the caller's configuration (or,
// for the demo credentials, in what `startSandbox` answers and the command prints once).
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A Portabl client: its id, its secret, and the scopes it is granted (default: every scope the spec names). */
export interface PortablCredential {
  clientId: string;
  clientSecret: string;
  scopes?: string[];
}

/** An Identities API key. */
export interface IdentityCredential {
  apiKey: string;
}

/** The SANDBOX_CREDENTIALS file's shape. */
export interface SandboxCredentials {
  portabl?: PortablCredential[];
  identity?: IdentityCredential[];
}

// The one-shot `hash` (Node >= 20.12): the same SHA-256 as a Hash object, without building one per request, which
// cost 4.5 µs per call here against 1.1 µs.
const digest = (value: string): Buffer => hash('sha256', value, 'buffer');

/** A UUID-shaped id derived from a digest, so that every process derives the same one. */
function uuidFrom(bytes: Buffer): string {
  const hex = Buffer.from(bytes.subarray(0, 16));
  hex[6] = (hex[6]! & 0x0f) | 0x80; // version 8: application-defined
  hex[8] = (hex[8]! & 0x3f) | 0x80;
  const h = hex.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface PortablClient {
  clientId: string;
  /** The tenant key rows are stored under. */
  tenant: string;
  scopes: string[];
}

export interface IdentityTenant {
  tenant: string;
  /** The application id identities of this tenant show as `appId`. */
  appId: string;
}

export interface CredentialBook {
  /** The client whose secret matches, or undefined (unknown id and wrong secret are not told apart). */
  portablClient(clientId: string, clientSecret: string): PortablClient | undefined;
  /** The client with this id (for a verified token), or undefined if it is not registered. */
  portablClientById(clientId: string): PortablClient | undefined;
  /** The tenant of this API key, or undefined. */
  identityTenant(apiKey: string): IdentityTenant | undefined;
}

const PRINTABLE = /^[\x21-\x7E]+$/;
const SCOPE = /^[a-z]+:[a-z]+(-[a-z]+)*$/;

function fail(source: string, where: string, rule: string): never {
  throw new Error(`${source}: ${where} ${rule}`);
}

/** Checks a credentials object and throws a message naming the entry and the rule when it is malformed. */
export function checkCredentials(value: unknown, source = 'SANDBOX_CREDENTIALS'): SandboxCredentials {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    fail(source, '(root)', 'must be an object {"portabl": [...], "identity": [...]}');
  const root = value as Record<string, unknown>;
  for (const key of Object.keys(root))
    if (key !== 'portabl' && key !== 'identity') fail(source, key, 'is not a known key (portabl, identity)');
  const portabl = root['portabl'] ?? [];
  const identity = root['identity'] ?? [];
  if (!Array.isArray(portabl)) fail(source, 'portabl', 'must be an array');
  if (!Array.isArray(identity)) fail(source, 'identity', 'must be an array');
  const ids = new Set<string>();
  portabl.forEach((entry: unknown, i) => {
    const e = entry as Record<string, unknown> | null;
    const at = `portabl[${i}]`;
    if (!e || typeof e !== 'object') fail(source, at, 'must be an object {clientId, clientSecret, scopes?}');
    for (const key of Object.keys(e))
      if (!['clientId', 'clientSecret', 'scopes'].includes(key)) fail(source, `${at}.${key}`, 'is not a known key');
    if (typeof e['clientId'] !== 'string' || !PRINTABLE.test(e['clientId']) || e['clientId'].length > 128)
      fail(source, `${at}.clientId`, 'must be 1 to 128 printable ASCII characters');
    if (typeof e['clientSecret'] !== 'string' || !PRINTABLE.test(e['clientSecret']) || e['clientSecret'].length > 256)
      fail(source, `${at}.clientSecret`, 'must be 1 to 256 printable ASCII characters');
    if (ids.has(e['clientId'])) fail(source, `${at}.clientId`, 'is registered twice');
    ids.add(e['clientId']);
    if (e['scopes'] !== undefined) {
      if (!Array.isArray(e['scopes'])) fail(source, `${at}.scopes`, 'must be an array of scopes');
      e['scopes'].forEach((s: unknown, j) => {
        if (typeof s !== 'string' || !SCOPE.test(s))
          fail(source, `${at}.scopes[${j}]`, 'must be a scope such as read:provider-users');
      });
    }
  });
  const keys = new Set<string>();
  identity.forEach((entry: unknown, i) => {
    const e = entry as Record<string, unknown> | null;
    const at = `identity[${i}]`;
    if (!e || typeof e !== 'object') fail(source, at, 'must be an object {apiKey}');
    for (const key of Object.keys(e)) if (key !== 'apiKey') fail(source, `${at}.${key}`, 'is not a known key');
    if (typeof e['apiKey'] !== 'string' || !PRINTABLE.test(e['apiKey']) || e['apiKey'].length > 256)
      fail(source, `${at}.apiKey`, 'must be 1 to 256 printable ASCII characters');
    if (keys.has(e['apiKey'])) fail(source, `${at}.apiKey`, 'is registered twice');
    keys.add(e['apiKey']);
  });
  return value as SandboxCredentials;
}

/** Reads and checks the JSON file SANDBOX_CREDENTIALS names. */
export function readCredentialsFile(file: string): SandboxCredentials {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `SANDBOX_CREDENTIALS=${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`SANDBOX_CREDENTIALS=${file}: not JSON`);
  }
  return checkCredentials(value, `SANDBOX_CREDENTIALS=${file}`);
}

/** One fresh credential per API, for a sandbox started without SANDBOX_CREDENTIALS. */
export function demoCredentials(): Required<SandboxCredentials> {
  return {
    portabl: [
      { clientId: 'sandbox-demo-client', clientSecret: `demo-secret-${randomBytes(18).toString('base64url')}` },
    ],
    identity: [{ apiKey: `demo-key-${randomBytes(18).toString('base64url')}` }],
  };
}

/**
 * Keeps digests of the secrets only. `defaultScopes` are granted to a Portabl client registered without `scopes`.
 */
export function credentialBook(credentials: SandboxCredentials, defaultScopes: readonly string[]): CredentialBook {
  const clients = new Map<string, { secret: Buffer; client: PortablClient }>();
  for (const c of credentials.portabl ?? []) {
    clients.set(c.clientId, {
      secret: digest(c.clientSecret),
      client: { clientId: c.clientId, tenant: `portabl:${c.clientId}`, scopes: [...(c.scopes ?? defaultScopes)] },
    });
  }
  const keys = new Map<string, { key: Buffer; tenant: IdentityTenant }>();
  for (const c of credentials.identity ?? []) {
    const key = digest(c.apiKey);
    const hex = key.toString('hex');
    keys.set(hex, { key, tenant: { tenant: `identity:${hex.slice(0, 32)}`, appId: uuidFrom(digest(`appId:${hex}`)) } });
  }
  // Compared on equal-length digests, so the time taken says nothing about how much of a secret was right.
  const same = (a: Buffer, b: Buffer) => timingSafeEqual(a, b);
  return {
    portablClient(clientId, clientSecret) {
      const entry = clients.get(clientId);
      const offered = digest(clientSecret);
      // An unknown id still costs one comparison, like a wrong secret.
      const matches = same(entry?.secret ?? digest(''), offered);
      return entry && matches ? entry.client : undefined;
    },
    portablClientById: (clientId) => clients.get(clientId)?.client,
    identityTenant(apiKey) {
      const offered = digest(apiKey);
      const entry = keys.get(offered.toString('hex'));
      return entry && same(entry.key, offered) ? entry.tenant : undefined;
    },
  };
}
