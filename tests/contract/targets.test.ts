// How the suite chooses its target from the environment: the mock by default, a deployment per API when its URL and
// credentials are given, and a clear error naming the variable when the settings are incomplete or malformed.
import { describe, expect, it } from 'vitest';
import { deploymentsFromEnv } from './support/targets.js';

const PORTABL = {
  CONTRACT_PORTABL_URL: 'https://dev-api.getportabl.com/api/v1/',
  CONTRACT_PORTABL_CLIENT_ID: 'client-id',
  CONTRACT_PORTABL_CLIENT_SECRET: 'client-secret',
};
const IDENTITY = { CONTRACT_IDENTITY_URL: 'https://api.sandbox.publicmint.io', CONTRACT_IDENTITY_API_KEY: 'api-key' };

describe('deploymentsFromEnv', () => {
  it('no CONTRACT_* variable: no deployment, both APIs are tested against the mock', () => {
    expect(deploymentsFromEnv({})).toEqual({});
  });

  it('a complete Portabl setting: a Portabl deployment (trailing slash dropped), Identities stays on the mock', () => {
    expect(deploymentsFromEnv(PORTABL)).toEqual({
      portabl: {
        kind: 'deployment',
        baseUrl: 'https://dev-api.getportabl.com/api/v1',
        clientId: 'client-id',
        clientSecret: 'client-secret',
      },
    });
  });

  it('both complete: two deployments', () => {
    expect(Object.keys(deploymentsFromEnv({ ...PORTABL, ...IDENTITY }))).toEqual(['portabl', 'identity']);
  });

  it.each([
    [
      { CONTRACT_PORTABL_URL: PORTABL.CONTRACT_PORTABL_URL },
      /CONTRACT_PORTABL_URL is set but CONTRACT_PORTABL_CLIENT_ID and CONTRACT_PORTABL_CLIENT_SECRET are not/,
    ],
    [
      { ...PORTABL, CONTRACT_PORTABL_CLIENT_SECRET: '' },
      /CONTRACT_PORTABL_URL is set but CONTRACT_PORTABL_CLIENT_SECRET is not/,
    ],
    [
      { CONTRACT_IDENTITY_URL: IDENTITY.CONTRACT_IDENTITY_URL },
      /CONTRACT_IDENTITY_URL is set but CONTRACT_IDENTITY_API_KEY is not/,
    ],
    [{ CONTRACT_IDENTITY_API_KEY: 'api-key' }, /CONTRACT_IDENTITY_API_KEY set without CONTRACT_IDENTITY_URL/],
    [
      { ...IDENTITY, CONTRACT_IDENTITY_URL: 'api.sandbox.publicmint.io' },
      /CONTRACT_IDENTITY_URL="api.sandbox.publicmint.io" is not a URL/,
    ],
    [{ ...IDENTITY, CONTRACT_IDENTITY_URL: 'ftp://api.sandbox.publicmint.io' }, /is not an http\(s\) URL/],
  ])('%j is refused: %s', (env, message) => {
    expect(() => deploymentsFromEnv(env)).toThrow(message);
  });

  it('an error never quotes a credential', () => {
    const secret = 'do-not-print-this-secret';
    const message = (() => {
      try {
        deploymentsFromEnv({ CONTRACT_PORTABL_CLIENT_SECRET: secret });
        return 'no error';
      } catch (error) {
        return String(error);
      }
    })();
    expect(message).toMatch(/CONTRACT_PORTABL_CLIENT_SECRET set without CONTRACT_PORTABL_URL/);
    expect(message).not.toContain(secret);
  });
});
