// Requests without their credential are refused with 401, by the mock and by a deployment alike. A credential
// nobody issued must be refused with 401 by a deployment; the mock accepts any (blind spot (c), also shown without
// the clients in blind-spots/any-credential.test.ts), so against the mock those cases expect its 200, and say why.
// The credential is taken off (or replaced) by the test's `fetch`, below the client, which always sends one.
import { describe, expect, inject, it } from 'vitest';
import { identityClient, portablClient, withHeader } from './support/clients.js';
import type { TargetKind } from './support/targets.js';

/** Any uuid: the credential is checked before the identity is looked up. */
const IDENTITY_ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const targets = inject('contractTargets');

const cases = [
  {
    name: 'Portabl: listUsers without Authorization',
    api: 'portabl',
    credential: 'missing',
    send: () => portablClient(withHeader('authorization', null)).GET('/provider/users'),
  },
  {
    name: 'Identities: getIdentity without apikey',
    api: 'identity',
    credential: 'missing',
    send: () =>
      identityClient(withHeader('apikey', null)).GET('/identities/{id}', { params: { path: { id: IDENTITY_ID } } }),
  },
  {
    name: 'Portabl: listUsers with a bearer token nobody issued',
    api: 'portabl',
    credential: 'made up',
    send: () => portablClient(withHeader('authorization', 'Bearer not-a-token-anyone-issued')).GET('/provider/users'),
  },
  {
    name: 'Identities: getIdentity with an apikey nobody issued',
    api: 'identity',
    credential: 'made up',
    send: () =>
      identityClient(withHeader('apikey', 'not-a-key-anyone-issued')).GET('/identities/{id}', {
        params: { path: { id: IDENTITY_ID } },
      }),
  },
] as const;

/** The status each kind of server must answer; the mock's 200 to a made-up credential is its known blind spot. */
function expectedAnswer(
  credential: (typeof cases)[number]['credential'],
  kind: TargetKind,
): { status: number; note: string } {
  if (credential === 'made up' && kind === 'mock') {
    return {
      status: 200,
      note: ' from the mock (blind spot c: it accepts any credential; a deployment must answer 401)',
    };
  }
  return { status: 401, note: '' };
}

describe('authentication', () => {
  const rows = cases.map((c) => {
    const expected = expectedAnswer(c.credential, targets[c.api].kind);
    return [`${c.name} → ${expected.status}${expected.note}`, c, expected.status] as const;
  });

  it.for(rows)('%s', async ([, c, status]) => {
    const { error, response } = await c.send();
    expect(response.status).toBe(status);
    if (status === 401) expect(error).toBeDefined();
  });
});
