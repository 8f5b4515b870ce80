// Response schemas promise no more than the provider documents: what a real Portabl server may legitimately send,
// although the document never shows it, still validates, so that a client validating responses does not turn a
// valid answer (or a real error) into a ResponseValidationError. Each value below breaks a rule an earlier
// version of the contract invented; the strictness that remains is proven in portabl-negative.test.ts.
import { describe, expect, it } from 'vitest';
import { componentIssues, loadBundle } from '../support/bundles.js';

const TOKEN = {
  tokenType: 'Bearer',
  scope: 'read:provider-users',
  accessToken: 'fake.access.token-for-examples-only',
  expiresIn: 86400,
};

describe('Portabl access tokens are opaque', () => {
  it.each([
    ['a token that is not a JWT', 'fakeOpaqueTokenForExamplesOnly'],
    ['a base64 token with + / and = padding', 'ZmFrZS10b2tlbg+/ZmFrZQ=='],
    ['a token with every other b64token character', 'fake-token_for.examples~only'],
  ])('accepts %s', (_what, accessToken) => {
    expect(componentIssues('portabl', 'AccessToken', { ...TOKEN, accessToken })).toEqual([]);
  });

  it('accepts an encrypted ID token (JWE compact serialization, five segments)', () => {
    const idToken = 'fake-header.fake-encrypted-key.fake-iv.fake-ciphertext.fake-tag';
    expect(componentIssues('portabl', 'AccessToken', { ...TOKEN, idToken })).toEqual([]);
  });

  it('carries no JWT structure in the accessToken pattern', () => {
    const pattern: string = loadBundle('portabl').components?.schemas?.AccessToken?.properties?.accessToken?.pattern;
    expect(pattern).toBe('^[A-Za-z0-9\\-._~+/]+=*$');
  });
});

describe('Portabl error bodies are undocumented, so any object validates', () => {
  it.each([
    ['only a message', { message: 'Unauthorized' }],
    ['only a code', { code: 'invalid_token' }],
    ['no field at all', {}],
    ['a code in another style', { code: 'E_INVALID_TOKEN', message: 'Token expired' }],
    ['a code with spaces', { code: 'Bad Request', message: 'clientSecret must be a string' }],
    ['fields of its own', { statusCode: 404, error: 'Not Found', message: 'User not found' }],
  ])('accepts an error body with %s', (_what, body) => {
    expect(componentIssues('portabl', 'Error', body)).toEqual([]);
  });

  it('requires nothing, and says why in its description', () => {
    const error = loadBundle('portabl').components?.schemas?.Error;
    expect(error?.required).toBeUndefined();
    expect(error?.description).toMatch(/does not document its error body/);
  });
});

describe('Portabl unpaginated user list', () => {
  const user = (i: number) => ({
    id: `4c0ac449-135d-45c8-81f3-${i.toString(16).padStart(12, '0')}`,
    claims: { firstName: 'Liz' },
    settings: { isSyncOn: true },
  });

  it('accepts more users than any bound the contract could invent (10,001)', () => {
    const users = Array.from({ length: 10_001 }, (_, i) => user(i));
    expect(componentIssues('portabl', 'UserList', { users })).toEqual([]);
  });

  it('has no maxItems on users: its description tells the caller, its x-decision says why', () => {
    const list = loadBundle('portabl').components?.schemas?.UserList;
    expect(list?.properties?.users?.maxItems).toBeUndefined();
    expect(list?.description).toMatch(/no upper bound/);
    expect(list?.['x-decision']).toMatch(/any `maxItems` would be invented/);
  });

  it('still validates each user in it', () => {
    const users = [user(1), { ...user(2), id: 'not-a-uuid' }];
    expect(componentIssues('portabl', 'UserList', { users })).toContainEqual({
      path: '/users/1/id',
      message: expect.stringMatching(/must match format "uuid"/),
    });
  });
});

describe('Portabl datapoint list', () => {
  it('keeps its bound: stated in its description, justified in its x-decision', () => {
    const list = loadBundle('portabl').components?.schemas?.DatapointList;
    expect(list?.properties?.datapoints?.maxItems).toBe(500);
    expect(list?.description).toMatch(/At most 500 datapoints/);
    expect(list?.['x-decision']).toMatch(/bounded by nature/);
  });
});
