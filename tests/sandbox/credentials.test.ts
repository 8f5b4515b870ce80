// Credentials: the SANDBOX_CREDENTIALS shape is checked with messages naming the entry; secrets are kept only as
// digests; a client without `scopes` gets every scope the spec's operations name.
import { describe, expect, it } from 'vitest';
import { checkCredentials, credentialBook } from '../../src/sandbox/credentials.js';
import { loadOptional, SandboxDependencyError } from '../../src/sandbox/optional.js';

describe('sandbox credentials', () => {
  it.each([
    [[], '(root) must be an object'],
    [{ portabl: [{ clientId: 'a' }] }, 'portabl[0].clientSecret must be 1 to 256 printable ASCII characters'],
    [
      { portabl: [{ clientId: 'a', clientSecret: 'b', scopes: ['Read users'] }] },
      'portabl[0].scopes[0] must be a scope',
    ],
    [{ identity: [{ apiKey: 'k' }, { apiKey: 'k' }] }, 'identity[1].apiKey is registered twice'],
    [{ identity: [{ key: 'k' }] }, 'identity[0].key is not a known key'],
    [{ admins: [] }, 'admins is not a known key'],
  ])('refuses %j naming the entry', (value, message) => {
    expect(() => checkCredentials(value, 'SANDBOX_CREDENTIALS=x.json')).toThrow(
      `SANDBOX_CREDENTIALS=x.json: ${message}`,
    );
  });

  it('matches a secret exactly, keeps no plain secret, and grants the default scopes', () => {
    const book = credentialBook(
      { portabl: [{ clientId: 'c', clientSecret: 'secret-value' }], identity: [{ apiKey: 'key-value' }] },
      ['read:provider-users'],
    );
    expect(book.portablClient('c', 'secret-value')).toMatchObject({ clientId: 'c', scopes: ['read:provider-users'] });
    expect(book.portablClient('c', 'secret-valuE')).toBeUndefined();
    expect(book.portablClient('d', 'secret-value')).toBeUndefined();
    expect(book.identityTenant('key-value')?.appId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(book.identityTenant('key-valu')).toBeUndefined();
    expect(JSON.stringify(book)).not.toContain('secret-value');
  });

  it('recognises a verified API key again, each key as its own tenant, and still refuses every other string', () => {
    const book = credentialBook({ identity: [{ apiKey: 'key-one' }, { apiKey: 'key-two' }] }, []);
    const one = book.identityTenant('key-one');
    const two = book.identityTenant('key-two');
    expect(one).toBeDefined();
    expect(two).toBeDefined();
    expect(one?.tenant).not.toBe(two?.tenant);
    for (let i = 0; i < 3; i++) {
      expect(book.identityTenant('key-one')).toBe(one);
      expect(book.identityTenant('key-two')).toBe(two);
      for (const wrong of ['key-onE', 'key-on', 'key-one ', '', 'key-three'])
        expect(book.identityTenant(wrong), wrong).toBeUndefined();
    }
  });

  it('names a missing optional package and how to install it', async () => {
    const error = await loadOptional(
      'fastify-not-installed-here',
      'the sandbox HTTP server',
      () => import('fastify-not-installed-here' as string),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxDependencyError);
    expect((error as Error).message).toContain('npm install --save-dev fastify-not-installed-here');
  });
});
