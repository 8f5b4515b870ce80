// Each Portabl operation names the one scope it needs, out of the scopes the token example grants; the token
// operation itself needs no token. The table pins the scope chosen for each operation (see info.description).
import { describe, expect, it } from 'vitest';
import { loadBundle, operationsOf } from '../support/bundles.js';

const doc = loadBundle('portabl');
const tokenExample = doc.components?.examples?.AccessToken?.value as { scope: string };
const grantedScopes = new Set(tokenExample.scope.split(' '));

const expected: [operationId: string, scope: string][] = [
  ['listUsers', 'read:provider-users'],
  ['upsertUser', 'upsert:provider-users'],
  ['getUserSettings', 'read:provider-user-settings'],
  ['updateUserSettings', 'upsert:provider-users'],
  ['getUserClaims', 'read:provider-users'],
  ['updateUserClaims', 'upsert:provider-user-claims'],
  ['listLatestDatapoints', 'read:data-profiles'],
  ['createSyncSession', 'create:provider-user-sync-sessions'],
  ['startSyncSession', 'start:provider-user-sync-sessions'],
];

const byId = new Map(operationsOf('portabl').map((o) => [o.operation.operationId as string, o.operation]));

describe('Portabl operation scopes', () => {
  it('createAccessToken needs no access token', () => {
    expect(byId.get('createAccessToken')?.security).toEqual([]);
  });

  it('the table covers every operation but the token one', () => {
    expect([...byId.keys()].filter((id) => id !== 'createAccessToken').sort()).toEqual(
      expected.map(([id]) => id).sort(),
    );
  });

  it.each(expected)('%s requires the bearer scope %s, and only it', (operationId, scope) => {
    expect(byId.get(operationId)?.security).toEqual([{ bearerAuth: [scope] }]);
  });

  it.each(expected)('%s names a scope the token example grants (%s)', (_operationId, scope) => {
    expect(grantedScopes).toContain(scope);
  });

  it('every secured operation declares 403 for a token without its scope', () => {
    const missing = expected.filter(([id]) => !byId.get(id)?.responses?.['403']).map(([id]) => id);
    expect(missing).toEqual([]);
  });
});
