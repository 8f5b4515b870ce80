// Portabl Core API requests that break one rule of the spec (the rule families of tests/specs/portabl-negative.test.ts),
// sent through the client: each is refused with 400 validation_failed, and the mock names the rule (support/refusals.ts).
// The client gets its own (valid) token first; the broken request is the one after it.
import { portablClient, withPathSegment } from '../support/clients.js';
import { changed, refusalTests, untyped, validBaseTests } from '../support/refusals.js';

/** Any uuid: the body or parameter is refused before a user is looked up. */
const USER_ID = '0b5a2c9e-3f41-4a7d-9c1e-2d6f8b4a7e10';
const TOKEN_REQUEST = {
  clientId: 'contract-test-client',
  clientSecret: 'fake-client-secret-for-the-mock',
  scopes: ['read:provider-users'],
};
const SETTINGS = { settings: { isSyncOn: true } };
const CLAIMS = {
  claims: {
    firstName: 'Liz',
    lastName: 'Lemon',
    birthDate: '1970-11-27',
    emailAddress: 'liz.lemon@example.com',
    phoneNumber: '+12125550123',
    registrationAddressDetails: { country: 'USA', region: 'New York', postalCode: '10024', locality: 'New York' },
  },
};
const SYNC_SESSION = { syncSessionId: 'add04a97-161b-448a-9b89-10ae5b220c26' };

/** `n` distinct scopes of a valid shape: read:scope-aa, read:scope-ab, ... */
const scopes = (n: number) =>
  Array.from({ length: n }, (_, i) => `read:scope-${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`);

const token = (body: never) => portablClient().POST('/provider/token', { body });
const upsert = (body: never) =>
  portablClient().PUT('/provider/users/{userId}', { params: { path: { userId: USER_ID } }, body });
const settings = (body: never) =>
  portablClient().PUT('/provider/users/{userId}/settings', { params: { path: { userId: USER_ID } }, body });
const claims = (body: never) =>
  portablClient().PUT('/provider/users/{userId}/claims', { params: { path: { userId: USER_ID } }, body });
const syncSession = (body: never) =>
  portablClient().POST('/provider/users/{userId}/sync-sessions', { params: { path: { userId: USER_ID } }, body });

validBaseTests('portabl', [
  ['a token request with scopes', 'createAccessToken', TOKEN_REQUEST],
  ['a token request with 32 scopes, the most allowed', 'createAccessToken', { ...TOKEN_REQUEST, scopes: scopes(32) }],
  ['a user upsert', 'upsertUser', SETTINGS],
  ['a settings update', 'updateUserSettings', SETTINGS],
  ['a claims update', 'updateUserClaims', CLAIMS],
  ['a sync session request', 'createSyncSession', SYNC_SESSION],
]);

refusalTests('portabl', {
  'a required property is missing': [
    {
      change: 'token request without clientSecret',
      violation: 'body required clientSecret',
      send: () => token(changed(TOKEN_REQUEST, (v) => delete v.clientSecret)),
    },
    {
      change: 'settings update without settings',
      violation: 'body required settings',
      send: () => settings(untyped({})),
    },
    {
      change: 'upsert with settings without isSyncOn',
      violation: 'body.settings required isSyncOn',
      send: () => upsert(changed(SETTINGS, (v) => delete v.settings.isSyncOn)),
    },
    { change: 'claims update without claims', violation: 'body required claims', send: () => claims(untyped({})) },
  ],
  'an unknown property, at every level': [
    {
      change: 'token request with grant_type',
      violation: 'body additionalProperties grant_type',
      send: () => token(changed(TOKEN_REQUEST, (v) => (v.grant_type = 'client_credentials'))),
    },
    {
      change: 'settings with isSyncOff',
      violation: 'body.settings additionalProperties isSyncOff',
      send: () => settings(changed(SETTINGS, (v) => (v.settings.isSyncOff = false))),
    },
    // UserClaimsInput extends PersonClaims through allOf, so it closes itself with unevaluatedProperties.
    {
      change: 'claims with a flat address claim (requests nest it)',
      violation: 'body.claims unevaluatedProperties registrationAddressDetailsCountry',
      send: () => claims(changed(CLAIMS, (v) => (v.claims.registrationAddressDetailsCountry = 'USA'))),
    },
    {
      change: 'claims.registrationAddressDetails with a county',
      violation: 'body.claims.registrationAddressDetails additionalProperties county',
      send: () => claims(changed(CLAIMS, (v) => (v.claims.registrationAddressDetails.county = 'Kings'))),
    },
    {
      change: 'sync session request with a userId',
      violation: 'body additionalProperties userId',
      send: () => syncSession(changed(SYNC_SESSION, (v) => (v.userId = USER_ID))),
    },
  ],
  'a value of the wrong type': [
    {
      change: 'isSyncOn as the string "true"',
      violation: 'body.settings.isSyncOn type',
      send: () => upsert(changed(SETTINGS, (v) => (v.settings.isSyncOn = 'true'))),
    },
  ],
  'a string longer than its maxLength': [
    {
      change: 'clientId of 129 characters',
      violation: 'body.clientId maxLength',
      send: () => token(changed(TOKEN_REQUEST, (v) => (v.clientId = 'c'.repeat(129)))),
    },
    {
      change: 'firstName of 101 characters',
      violation: 'body.claims.firstName maxLength',
      send: () => claims(changed(CLAIMS, (v) => (v.claims.firstName = 'L'.repeat(101)))),
    },
  ],
  'a value that breaks its format or pattern': [
    {
      change: 'syncSessionId that is not a uuid',
      violation: 'body.syncSessionId format',
      send: () => syncSession(changed(SYNC_SESSION, (v) => (v.syncSessionId = 'session-1'))),
    },
    {
      change: 'birthDate written day first',
      violation: 'body.claims.birthDate format',
      send: () => claims(changed(CLAIMS, (v) => (v.claims.birthDate = '27/11/1970'))),
    },
    {
      change: 'emailAddress without a domain',
      violation: 'body.claims.emailAddress format',
      send: () => claims(changed(CLAIMS, (v) => (v.claims.emailAddress = 'liz.lemon'))),
    },
    {
      change: 'a scope without its action',
      violation: 'body.scopes.0 pattern',
      send: () => token(changed(TOKEN_REQUEST, (v) => (v.scopes = ['provider-users']))),
    },
    {
      change: 'a clientSecret containing a space',
      violation: 'body.clientSecret pattern',
      send: () => token(changed(TOKEN_REQUEST, (v) => (v.clientSecret = 'your client secret'))),
    },
  ],
  'an array outside its bounds': [
    {
      change: '33 scopes',
      violation: 'body.scopes maxItems',
      send: () => token(changed(TOKEN_REQUEST, (v) => (v.scopes = scopes(33)))),
    },
    {
      change: 'no scope in the scopes array',
      violation: 'body.scopes minItems',
      send: () => token(changed(TOKEN_REQUEST, (v) => (v.scopes = []))),
    },
    {
      change: 'the same scope twice',
      violation: 'body.scopes uniqueItems',
      send: () => token(changed(TOKEN_REQUEST, (v) => (v.scopes = ['read:provider-users', 'read:provider-users']))),
    },
  ],
  'a path id that is not a uuid': [
    // Prism lowercases parameter names in its locations.
    // The client refuses such ids itself (PathParameterError): a valid id goes through it and is swapped on the wire.
    {
      change: 'getUserClaims of user-1',
      violation: 'path.userid format',
      send: () =>
        portablClient(withPathSegment(USER_ID, 'user-1')).GET('/provider/users/{userId}/claims', {
          params: { path: { userId: USER_ID } },
        }),
    },
    {
      change: 'startSyncSession of session-1',
      violation: 'path.syncsessionid format',
      send: () =>
        portablClient(withPathSegment(SYNC_SESSION.syncSessionId, 'session-1')).POST(
          '/provider/sync-sessions/{syncSessionId}/start',
          { params: { path: { syncSessionId: SYNC_SESSION.syncSessionId } } },
        ),
    },
  ],
});
