// Portabl sandbox credentials: the token request checks the client's secret and grants only the client's scopes;
// every operation checks the token's signature, expiry (the sandbox clock) and the scope its spec names.
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationRules } from '../../src/sandbox/operations.js';
import { sandboxSpecs } from '../../src/sandbox/specs.js';
import { startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
const CLIENT = {
  clientId: 'tokens-test-client',
  clientSecret: 'fake-secret-for-the-sandbox-tests',
  scopes: ['read:provider-users', 'read:data-profiles'],
};
beforeAll(async () => {
  sandbox = await startTestSandbox({ credentials: { portabl: [CLIENT], identity: [] }, tokenExpiresIn: 600 });
});
afterAll(() => sandbox.close());

const tokenRequest = (body: object) => sandbox.request('portabl', 'POST', '/provider/token', { body });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Portabl sandbox: POST /provider/token', () => {
  it('answers a signed JWT with every granted scope and the configured expiresIn', async () => {
    const reply = await tokenRequest({ clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ tokenType: 'Bearer', scope: CLIENT.scopes.join(' '), expiresIn: 600 });
    const claims = decodeJwt(reply.body.accessToken);
    expect(claims).toMatchObject({ sub: CLIENT.clientId, scope: CLIENT.scopes.join(' ') });
    expect(claims.exp! - claims.iat!).toBe(600);
  });

  it('answers the requested scopes only', async () => {
    const reply = await tokenRequest({ ...CLIENT, scopes: ['read:data-profiles'] });
    expect(reply.body.scope).toBe('read:data-profiles');
  });

  it('refuses a scope the client is not granted: 400 invalid_scope naming it', async () => {
    const reply = await tokenRequest({ ...CLIENT, scopes: ['read:data-profiles', 'upsert:provider-users'] });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'invalid_scope' });
    expect(reply.body.message).toContain('upsert:provider-users');
  });

  it('refuses a wrong secret and an unknown client alike: 401', async () => {
    const wrong = await tokenRequest({ clientId: CLIENT.clientId, clientSecret: 'not-the-secret' });
    const unknown = await tokenRequest({ clientId: 'nobody', clientSecret: CLIENT.clientSecret });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.text).not.toContain(CLIENT.clientSecret);
  });
});

describe('Portabl sandbox: every operation checks the token', () => {
  const secured = operationRules(sandboxSpecs.portabl).filter((r) => r.security);
  const concrete = (path: string) =>
    path
      .replace('{userId}', '4c0ac449-135d-45c8-81f3-a8e96a508c2b')
      .replace('{syncSessionId}', 'add04a97-161b-448a-9b89-10ae5b220c26');

  it('the spec names a scope for every secured operation', () => {
    expect(secured.length).toBeGreaterThanOrEqual(9);
    for (const rule of secured) expect(rule.security!.scopes, rule.operationId).toHaveLength(1);
  });

  it.each(secured.map((r) => [r.operationId, r] as const))(
    '%s: 401 without a token, with a tampered one, with alg none',
    async (_id, rule) => {
      const good = await sandbox.token();
      const [header, payload, signature] = good.split('.') as [string, string, string];
      const tampered = `${header}.${b64({ ...decodeJwt(good), scope: 'start:provider-user-sync-sessions upsert:provider-users' })}.${signature}`;
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
      for (const authorization of [
        undefined,
        `Bearer ${tampered}`,
        `Bearer ${unsigned}`,
        'Bearer not-a-token',
        `Basic ${good}`,
      ]) {
        const reply = await sandbox.request('portabl', rule.method.toUpperCase(), concrete(rule.path), {
          headers: authorization ? { authorization } : {},
        });
        expect(reply.status, `${authorization?.slice(0, 12)}`).toBe(401);
      }
    },
  );

  it.each(secured.map((r) => [r.operationId, r] as const))(
    '%s: 403 naming the missing scope when the token lacks it',
    async (_id, rule) => {
      const needed = rule.security!.scopes[0]!;
      const other = CLIENT.scopes.find((s) => s !== needed)!;
      const reply = await sandbox.request('portabl', rule.method.toUpperCase(), concrete(rule.path), {
        headers: { authorization: `Bearer ${await sandbox.token([other])}` },
      });
      expect(reply.status).toBe(403);
      expect(reply.body.code).toBe('insufficient_scope');
      expect(reply.body.message).toContain(needed);
    },
  );

  it('refuses a token signed with another key, and one from another sandbox', async () => {
    const forged = await new SignJWT({ scope: CLIENT.scopes.join(' ') })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(CLIENT.clientId)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-key-the-sandbox-never-saw-0123456789'));
    expect((await sandbox.portabl('GET', '/provider/users', undefined, { token: forged })).status).toBe(401);
  });

  it('accepts a token until expiresIn has passed on the sandbox clock, then answers 401 saying it expired', async () => {
    const token = await sandbox.token(['read:provider-users']);
    expect((await sandbox.portabl('GET', '/provider/users', undefined, { token })).status).toBe(200);
    sandbox.clock.advance(599_000);
    expect((await sandbox.portabl('GET', '/provider/users', undefined, { token })).status).toBe(200);
    sandbox.clock.advance(1_000);
    const expired = await sandbox.portabl('GET', '/provider/users', undefined, { token });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toContain('expired');
  });
});
