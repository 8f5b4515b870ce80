// `npm run sandbox` (scripts/sandbox.mjs): prints one line per API once it accepts requests, and the demo
// credentials, which work; stops cleanly on SIGINT and SIGTERM; refuses a bad setting naming it, before listening.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sandboxOptionsFromEnv } from '../../src/sandbox/command.js';
import { repoRoot, spawnSandbox } from '../support/sandbox-command.js';

describe('npm run sandbox', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'serves both APIs with printed demo credentials, and stops on %s',
    async (signal) => {
      const sandbox = await spawnSandbox({});
      try {
        const apiKey = /apikey=(\S+)/.exec(sandbox.output())?.[1];
        const clientId = /clientId=(\S+)/.exec(sandbox.output())?.[1];
        const clientSecret = /clientSecret=(\S+)/.exec(sandbox.output())?.[1];
        expect([apiKey, clientId, clientSecret].every(Boolean), sandbox.output()).toBe(true);
        const list = await fetch(`${sandbox.urls.identity}/identities`, { headers: { apikey: apiKey! } });
        expect(list.status).toBe(200);
        const token = await fetch(`${sandbox.urls.portabl}/provider/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ clientId, clientSecret }),
        });
        expect(token.status).toBe(200);
      } finally {
        expect(await sandbox.stop(signal)).toBe(0);
      }
      expect(sandbox.output()).toContain(`${signal}: sandbox stopped`);
    },
  );

  it.each([['SANDBOX_PORTABL_PORT', 'abc', 'SANDBOX_PORTABL_PORT="abc" is not a port']])(
    'refuses %s=%s, naming it, and exits 1 without listening',
    async (name, value, message) => {
      const run = promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts', 'sandbox.mjs')], {
        cwd: repoRoot,
        env: { ...process.env, SANDBOX_PORTABL_PORT: '0', SANDBOX_IDENTITY_PORT: '0', [name]: value },
      });
      const failure = (await run.catch((e: unknown) => e)) as { code?: number; stderr?: string };
      expect(failure.code).toBe(1);
      expect(failure.stderr).toContain(message);
    },
  );

  it.each([
    ['SANDBOX_IDENTITY_PORT', '70000', 'SANDBOX_IDENTITY_PORT="70000" is not a port'],
    [
      'SANDBOX_CREDENTIALS',
      '/nonexistent/credentials.json',
      'SANDBOX_CREDENTIALS=/nonexistent/credentials.json: cannot read the file',
    ],
    ['SANDBOX_RATE_LIMIT', 'lots', 'SANDBOX_RATE_LIMIT="lots" must be <requests>/<seconds>'],
    ['SANDBOX_START_TIME', 'yesterday', 'SANDBOX_START_TIME="yesterday" is not an RFC 3339 date-time'],
    ['SANDBOX_SIGNING_KEY', 'short', 'SANDBOX_SIGNING_KEY must be at least 32 characters'],
    ['SANDBOX_TOKEN_EXPIRES_IN', '0', 'SANDBOX_TOKEN_EXPIRES_IN="0" must be 1..31536000 seconds'],
  ])('reads %s=%s as a refused setting, naming it', (name, value, message) => {
    expect(() => sandboxOptionsFromEnv({ [name]: value })).toThrow(message);
  });

  it('reads the documented defaults: Portabl on 4020, Identities on 4021, no rate limit', () => {
    expect(sandboxOptionsFromEnv({})).toEqual({ portablPort: 4020, identityPort: 4021 });
    expect(
      sandboxOptionsFromEnv({ SANDBOX_RATE_LIMIT: '5/1', SANDBOX_START_TIME: '2030-01-01T00:00:00Z' }),
    ).toMatchObject({
      rateLimit: { requests: 5, windowSeconds: 1 },
      startTime: Date.parse('2030-01-01T00:00:00Z'),
    });
  });
});
