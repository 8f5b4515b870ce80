// Negative cases for the Portabl Core API schemas: for each rule a schema carries, the smallest change to a valid
// body that breaks exactly that rule is rejected, and the rejection names the place and the rule. The valid base
// bodies are accepted first, so every rejection below is caused by its one change and each assertion can fail.
import { describe, expect, it } from 'vitest';
import { componentIssues } from '../support/bundles.js';
import { broken as brokenFrom, expectRejectedExactly, type NegativeCase, times } from '../support/negative-cases.js';

const USER_ID = '4c0ac449-135d-45c8-81f3-a8e96a508c2b';
const SESSION_ID = 'add04a97-161b-448a-9b89-10ae5b220c26';

// One valid value per schema under test: the document's values where it has them.
const base = {
  AccessTokenRequest: {
    clientId: 'your-client-id',
    clientSecret: 'your-client-secret',
    scopes: ['read:provider-users'],
  },
  AccessToken: {
    tokenType: 'Bearer',
    scope: 'read:provider-users upsert:provider-user-claims',
    accessToken: 'fake.access.token-for-examples-only',
    expiresIn: 86400,
  },
  UserSettingsRequest: { settings: { isSyncOn: true } },
  UpdateUserClaimsRequest: {
    claims: {
      firstName: 'Liz',
      lastName: 'Lemon',
      birthDate: '1970-11-27',
      emailAddress: 'liz.lemon@rock.com',
      phoneNumber: '+12125550123',
      socialSecurityNumber: '987-65-4321',
      registrationAddressDetails: { country: 'USA', postalCode: '10024', streetAddress: '168 Riverside Drive, APT 2F' },
    },
  },
  UpdatedUserClaims: { _id: '644694ceaf1e5a181722e38e', userId: USER_ID, firstName: 'Liz' },
  Datapoint: {
    id: 'urn:uuid:d6716787-c611-4712-a67a-18232dd1ada8',
    kind: 'FirstName',
    group: 'FullName',
    label: 'First Name',
    jsonPathArray: ['$.credentialSubject.firstName'],
    jsonSchema: { type: 'string' },
    evidenceOptionality: 'required',
  },
  CreateSyncSessionRequest: { syncSessionId: SESSION_ID },
  SyncSessionCreated: {
    syncSession: {
      id: SESSION_ID,
      userId: USER_ID,
      didcommSessionIds: [],
      createdAt: '2023-04-24T15:16:29.305Z',
      updatedAt: '2023-04-24T15:16:29.305Z',
    },
    isConnected: false,
    invitationUrl: 'https://api.getportabl.com/connect?_oob=eyJpZCI6ImFkZDA0YTk3In0',
  },
  OutOfBandInvitation: {
    type: 'https://didcomm.org/out-of-band/2.0/invitation',
    id: SESSION_ID,
    from: 'did:key:z6MktsFyH6Fqu4mdhovKoHQ9jAkJJhdPdATk4EQGGt8eiGq2',
    created_time: 1682349390,
    body: { goal_code: 'Sync', goal: 'Sync', accept: ['didcomm/v2'] },
  },
  Error: { code: 'insufficient_scope', message: 'The access token lacks the scope read:provider-users.' },
} satisfies Record<string, Record<string, unknown>>;

type SchemaName = keyof typeof base;

type Case = NegativeCase<SchemaName>;
const broken = (c: Case) => brokenFrom(base, c);

describe('Portabl base bodies (the negative cases change exactly one thing in these)', () => {
  it.each(Object.keys(base) as SchemaName[])('a valid %s is accepted', (schema) => {
    expect(componentIssues('portabl', schema, base[schema])).toEqual([]);
  });
});

const rules: Record<string, Case[]> = {
  'required properties': [
    {
      change: 'token request without clientSecret',
      schema: 'AccessTokenRequest',
      mutate: (v) => delete v.clientSecret,
      at: '',
      says: /required property 'clientSecret'/,
    },
    {
      change: 'token request without clientId',
      schema: 'AccessTokenRequest',
      mutate: (v) => delete v.clientId,
      at: '',
      says: /required property 'clientId'/,
    },
    {
      change: 'token response without accessToken',
      schema: 'AccessToken',
      mutate: (v) => delete v.accessToken,
      at: '',
      says: /required property 'accessToken'/,
    },
    {
      change: 'settings request without settings',
      schema: 'UserSettingsRequest',
      mutate: (v) => delete v.settings,
      at: '',
      says: /required property 'settings'/,
    },
    {
      change: 'settings without isSyncOn',
      schema: 'UserSettingsRequest',
      mutate: (v) => delete v.settings.isSyncOn,
      at: '/settings',
      says: /required property 'isSyncOn'/,
    },
    {
      change: 'claims update without claims',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => delete v.claims,
      at: '',
      says: /required property 'claims'/,
    },
    {
      change: 'updated claims without _id',
      schema: 'UpdatedUserClaims',
      mutate: (v) => delete v._id,
      at: '',
      says: /required property '_id'/,
    },
    {
      change: 'updated claims without userId',
      schema: 'UpdatedUserClaims',
      mutate: (v) => delete v.userId,
      at: '',
      says: /required property 'userId'/,
    },
    {
      change: 'datapoint without jsonPathArray',
      schema: 'Datapoint',
      mutate: (v) => delete v.jsonPathArray,
      at: '',
      says: /required property 'jsonPathArray'/,
    },
    {
      change: 'datapoint without jsonSchema',
      schema: 'Datapoint',
      mutate: (v) => delete v.jsonSchema,
      at: '',
      says: /required property 'jsonSchema'/,
    },
    {
      change: 'sync session answer without invitationUrl',
      schema: 'SyncSessionCreated',
      mutate: (v) => delete v.invitationUrl,
      at: '',
      says: /required property 'invitationUrl'/,
    },
    {
      change: 'sync session without createdAt',
      schema: 'SyncSessionCreated',
      mutate: (v) => delete v.syncSession.createdAt,
      at: '/syncSession',
      says: /required property 'createdAt'/,
    },
    {
      change: 'invitation without from',
      schema: 'OutOfBandInvitation',
      mutate: (v) => delete v.from,
      at: '',
      says: /required property 'from'/,
    },
    {
      change: 'invitation body without accept',
      schema: 'OutOfBandInvitation',
      mutate: (v) => delete v.body.accept,
      at: '/body',
      says: /required property 'accept'/,
    },
  ],
  'no unknown properties in request bodies': [
    {
      change: 'token request with grant_type',
      schema: 'AccessTokenRequest',
      mutate: (v) => (v.grant_type = 'client_credentials'),
      at: '',
      says: /additional properties.*"grant_type"/,
    },
    {
      change: 'settings request with a sibling of settings',
      schema: 'UserSettingsRequest',
      mutate: (v) => (v.isSyncOn = true),
      at: '',
      says: /additional properties.*"isSyncOn"/,
    },
    {
      change: 'settings with an unknown setting',
      schema: 'UserSettingsRequest',
      mutate: (v) => (v.settings.isSyncOff = false),
      at: '/settings',
      says: /additional properties.*"isSyncOff"/,
    },
    {
      change: 'claims update with a sibling of claims',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.userId = USER_ID),
      at: '',
      says: /additional properties.*"userId"/,
    },
    // `claims` includes the shared PersonClaims through allOf, so it is closed with unevaluatedProperties.
    {
      change: 'claims with an unknown claim',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.nickname = 'Lizzie'),
      at: '/claims',
      says: /must NOT have unevaluated properties.*"nickname"/,
    },
    {
      change: 'claims update with a flat address claim (responses are flat, requests nest)',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.registrationAddressDetailsCountry = 'USA'),
      at: '/claims',
      says: /must NOT have unevaluated properties.*"registrationAddressDetailsCountry"/,
    },
    {
      change: "claims with the update answer's _id",
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims._id = '644694ceaf1e5a181722e38e'),
      at: '/claims',
      says: /must NOT have unevaluated properties.*"_id"/,
    },
    {
      change: 'address with an unknown part',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.registrationAddressDetails.county = 'Kings'),
      at: '/claims/registrationAddressDetails',
      says: /additional properties.*"county"/,
    },
    {
      change: 'sync session request with an unknown property',
      schema: 'CreateSyncSessionRequest',
      mutate: (v) => (v.userId = USER_ID),
      at: '',
      says: /additional properties.*"userId"/,
    },
  ],
  'types (the document quotes its placeholders)': [
    {
      change: 'isSyncOn as the string "true"',
      schema: 'UserSettingsRequest',
      mutate: (v) => (v.settings.isSyncOn = 'true'),
      at: '/settings/isSyncOn',
      says: /must be boolean/,
    },
    {
      change: 'isSyncOn as the document\'s placeholder "boolean"',
      schema: 'UserSettingsRequest',
      mutate: (v) => (v.settings.isSyncOn = 'boolean'),
      at: '/settings/isSyncOn',
      says: /must be boolean/,
    },
    {
      change: 'settings as the curl\'s "<YOUR settings>" string',
      schema: 'UserSettingsRequest',
      mutate: (v) => (v.settings = '<YOUR settings>'),
      at: '/settings',
      says: /must be object/,
    },
    {
      change: 'claims as the curl\'s "<YOUR claims>" string',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims = '<YOUR claims>'),
      at: '/claims',
      says: /must be object/,
    },
    {
      change: 'isConnected as the string "false"',
      schema: 'SyncSessionCreated',
      mutate: (v) => (v.isConnected = 'false'),
      at: '/isConnected',
      says: /must be boolean/,
    },
    {
      change: 'error code as a number',
      schema: 'Error',
      mutate: (v) => (v.code = 403),
      at: '/code',
      says: /must be string/,
    },
    {
      change: 'error message as an object',
      schema: 'Error',
      mutate: (v) => (v.message = { text: 'denied' }),
      at: '/message',
      says: /must be string/,
    },
    {
      change: 'expiresIn as a string',
      schema: 'AccessToken',
      mutate: (v) => (v.expiresIn = '86400'),
      at: '/expiresIn',
      says: /must be integer/,
    },
    {
      change: 'expiresIn with a fraction',
      schema: 'AccessToken',
      mutate: (v) => (v.expiresIn = 1.5),
      at: '/expiresIn',
      says: /must be integer/,
    },
    {
      change: 'jsonPathArray as a single string',
      schema: 'Datapoint',
      mutate: (v) => (v.jsonPathArray = '$.credentialSubject.firstName'),
      at: '/jsonPathArray',
      says: /must be array/,
    },
  ],
  maxLength: [
    {
      change: 'clientId of 129 characters',
      schema: 'AccessTokenRequest',
      mutate: (v) => (v.clientId = 'c'.repeat(129)),
      at: '/clientId',
      says: /must NOT have more than 128 characters/,
    },
    {
      change: 'clientSecret of 257 characters',
      schema: 'AccessTokenRequest',
      mutate: (v) => (v.clientSecret = 's'.repeat(257)),
      at: '/clientSecret',
      says: /must NOT have more than 256 characters/,
    },
    {
      change: 'firstName of 101 characters',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.firstName = 'L'.repeat(101)),
      at: '/claims/firstName',
      says: /must NOT have more than 100 characters/,
    },
    {
      change: 'socialSecurityNumber of 33 characters',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.socialSecurityNumber = '9'.repeat(33)),
      at: '/claims/socialSecurityNumber',
      says: /must NOT have more than 32 characters/,
    },
    {
      change: 'streetAddress of 201 characters',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.registrationAddressDetails.streetAddress = 'a'.repeat(201)),
      at: '/claims/registrationAddressDetails/streetAddress',
      says: /must NOT have more than 200 characters/,
    },
    {
      change: 'emailAddress of 255 characters',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.emailAddress = `${'l'.repeat(243)}@example.com`),
      at: '/claims/emailAddress',
      says: /must NOT have more than 254 characters/,
    },
    {
      change: 'error code of 129 characters',
      schema: 'Error',
      mutate: (v) => (v.code = 'c'.repeat(129)),
      at: '/code',
      says: /must NOT have more than 128 characters/,
    },
    {
      change: 'accessToken of 8193 characters',
      schema: 'AccessToken',
      mutate: (v) => (v.accessToken = 't'.repeat(8193)),
      at: '/accessToken',
      says: /must NOT have more than 8192 characters/,
    },
    {
      change: 'error message of 2049 characters',
      schema: 'Error',
      mutate: (v) => (v.message = 'm'.repeat(2049)),
      at: '/message',
      says: /must NOT have more than 2048 characters/,
    },
  ],
  formats: [
    {
      change: 'syncSessionId that is not a UUID',
      schema: 'CreateSyncSessionRequest',
      mutate: (v) => (v.syncSessionId = 'add04a97-161b-448a-9b89'),
      at: '/syncSessionId',
      says: /must match format "uuid"/,
    },
    {
      change: 'userId that is not a UUID',
      schema: 'UpdatedUserClaims',
      mutate: (v) => (v.userId = 'liz-lemon'),
      at: '/userId',
      says: /must match format "uuid"/,
    },
    {
      change: 'birthDate written day first',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.birthDate = '27/11/1970'),
      at: '/claims/birthDate',
      says: /must match format "date"/,
    },
    {
      change: 'birthDate on a day that does not exist',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.birthDate = '1970-02-30'),
      at: '/claims/birthDate',
      says: /must match format "date"/,
    },
    {
      change: 'emailAddress without a domain',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.emailAddress = 'liz.lemon'),
      at: '/claims/emailAddress',
      says: /must match format "email"/,
    },
    {
      change: 'createdAt without a time',
      schema: 'SyncSessionCreated',
      mutate: (v) => (v.syncSession.createdAt = '2023-04-24'),
      at: '/syncSession/createdAt',
      says: /must match format "date-time"/,
    },
  ],
  patterns: [
    {
      change: 'a scope without its action',
      schema: 'AccessTokenRequest',
      mutate: (v) => (v.scopes = ['provider-users']),
      at: '/scopes/0',
      says: /must match pattern/,
    },
    {
      change: 'a client secret containing a space',
      schema: 'AccessTokenRequest',
      mutate: (v) => (v.clientSecret = 'your client secret'),
      at: '/clientSecret',
      says: /must match pattern/,
    },
    {
      change: 'scope string with a comma between scopes',
      schema: 'AccessToken',
      mutate: (v) => (v.scope = 'read:provider-users,upsert:provider-users'),
      at: '/scope',
      says: /must match pattern/,
    },
    // accessToken is opaque: only RFC 6750's b64token characters are required (a non-JWT token is accepted, see
    // portabl-response-leniency.test.ts).
    {
      change: 'accessToken containing a space',
      schema: 'AccessToken',
      mutate: (v) => (v.accessToken = 'fake access token'),
      at: '/accessToken',
      says: /must match pattern/,
    },
    {
      change: 'accessToken with padding before the end',
      schema: 'AccessToken',
      mutate: (v) => (v.accessToken = 'fake=token'),
      at: '/accessToken',
      says: /must match pattern/,
    },
    {
      change: 'accessToken with a character outside b64token',
      schema: 'AccessToken',
      mutate: (v) => (v.accessToken = 'fake,token'),
      at: '/accessToken',
      says: /must match pattern/,
    },
    {
      change: 'idToken that is not a JWT (two segments)',
      schema: 'AccessToken',
      mutate: (v) => (v.idToken = 'header.payload'),
      at: '/idToken',
      says: /must match pattern/,
    },
    {
      change: '_id of 23 hexadecimal digits',
      schema: 'UpdatedUserClaims',
      mutate: (v) => (v._id = '644694ceaf1e5a181722e38'),
      at: '/_id',
      says: /must match pattern/,
    },
    {
      change: '_id with a non-hexadecimal digit',
      schema: 'UpdatedUserClaims',
      mutate: (v) => (v._id = '644694ceaf1e5a181722e38g'),
      at: '/_id',
      says: /must match pattern/,
    },
    {
      change: 'datapoint id without the urn:uuid: prefix',
      schema: 'Datapoint',
      mutate: (v) => (v.id = 'd6716787-c611-4712-a67a-18232dd1ada8'),
      at: '/id',
      says: /must match pattern/,
    },
    {
      change: 'JSONPath that does not start at $.credentialSubject',
      schema: 'Datapoint',
      mutate: (v) => (v.jsonPathArray = ['credentialSubject.firstName']),
      at: '/jsonPathArray/0',
      says: /must match pattern/,
    },
    {
      change: 'datapoint kind not in PascalCase',
      schema: 'Datapoint',
      mutate: (v) => (v.kind = 'first_name'),
      at: '/kind',
      says: /must match pattern/,
    },
    {
      change: 'firstName containing a line break',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.firstName = 'Liz\nLemon'),
      at: '/claims/firstName',
      says: /must match pattern/,
    },
    {
      change: 'empty lastName',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.lastName = ''),
      at: '/claims/lastName',
      says: /must match pattern/,
    },
    {
      change: 'phoneNumber with letters',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.phoneNumber = '+1 212 CALL LIZ'),
      at: '/claims/phoneNumber',
      says: /must match pattern/,
    },
    {
      change: 'postalCode with punctuation',
      schema: 'UpdateUserClaimsRequest',
      mutate: (v) => (v.claims.registrationAddressDetails.postalCode = '10024!'),
      at: '/claims/registrationAddressDetails/postalCode',
      says: /must match pattern/,
    },
    {
      change: 'invitationUrl without the _oob parameter',
      schema: 'SyncSessionCreated',
      mutate: (v) => (v.invitationUrl = 'https://api.getportabl.com/connect?oob=eyJ9'),
      at: '/invitationUrl',
      says: /must match pattern/,
    },
    {
      change: 'invitationUrl over plain http',
      schema: 'SyncSessionCreated',
      mutate: (v) => (v.invitationUrl = 'http://api.getportabl.com/connect?_oob=eyJ9'),
      at: '/invitationUrl',
      says: /must match pattern/,
    },
    {
      change: 'invitation from that is not a DID',
      schema: 'OutOfBandInvitation',
      mutate: (v) => (v.from = 'https://api.getportabl.com'),
      at: '/from',
      says: /must match pattern/,
    },
    {
      change: 'error code containing a line break',
      schema: 'Error',
      mutate: (v) => (v.code = 'insufficient\nscope'),
      at: '/code',
      says: /must match pattern/,
    },
    {
      change: 'error message containing a NUL character',
      schema: 'Error',
      mutate: (v) => (v.message = 'denied\u0000'),
      at: '/message',
      says: /must match pattern/,
    },
  ],
  'enums and constants': [
    {
      change: 'evidenceOptionality "optional"',
      schema: 'Datapoint',
      mutate: (v) => (v.evidenceOptionality = 'optional'),
      at: '/evidenceOptionality',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'tokenType "bearer" in lower case',
      schema: 'AccessToken',
      mutate: (v) => (v.tokenType = 'bearer'),
      at: '/tokenType',
      says: /must be equal to constant/,
    },
    {
      change: 'invitation of another message type',
      schema: 'OutOfBandInvitation',
      mutate: (v) => (v.type = 'https://didcomm.org/out-of-band/1.1/invitation'),
      at: '/type',
      says: /must be equal to constant/,
    },
  ],
  'array sizes': [
    {
      change: '33 scopes',
      schema: 'AccessTokenRequest',
      mutate: (v) =>
        (v.scopes = times(
          33,
          (i) => `read:scope-${String.fromCharCode(97 + (i % 26))}-${String.fromCharCode(97 + Math.floor(i / 26))}`,
        )),
      at: '/scopes',
      says: /must NOT have more than 32 items/,
    },
    {
      change: 'an empty scopes list',
      schema: 'AccessTokenRequest',
      mutate: (v) => (v.scopes = []),
      at: '/scopes',
      says: /must NOT have fewer than 1 items/,
    },
    {
      change: 'the same scope twice',
      schema: 'AccessTokenRequest',
      mutate: (v) => (v.scopes = ['read:provider-users', 'read:provider-users']),
      at: '/scopes',
      says: /must NOT have duplicate items/,
    },
    {
      change: '17 JSONPaths',
      schema: 'Datapoint',
      mutate: (v) => (v.jsonPathArray = times(17, (i) => `$.credentialSubject.claim${i}`)),
      at: '/jsonPathArray',
      says: /must NOT have more than 16 items/,
    },
    {
      change: 'no JSONPath at all',
      schema: 'Datapoint',
      mutate: (v) => (v.jsonPathArray = []),
      at: '/jsonPathArray',
      says: /must NOT have fewer than 1 items/,
    },
    {
      change: '101 DIDComm session ids',
      schema: 'SyncSessionCreated',
      mutate: (v) => (v.syncSession.didcommSessionIds = times(101, (i) => `session-${i}`)),
      at: '/syncSession/didcommSessionIds',
      says: /must NOT have more than 100 items/,
    },
    {
      change: 'an invitation accepting no profile',
      schema: 'OutOfBandInvitation',
      mutate: (v) => (v.body.accept = []),
      at: '/body/accept',
      says: /must NOT have fewer than 1 items/,
    },
  ],
  'object and integer bounds': [
    {
      change: 'a datapoint jsonSchema with 65 keywords',
      schema: 'Datapoint',
      mutate: (v) => (v.jsonSchema = Object.fromEntries(times(65, (i) => `k${i}`).map((k) => [k, true]))),
      at: '/jsonSchema',
      says: /must NOT have more than 64 properties/,
    },
    {
      change: 'expiresIn of 0 seconds',
      schema: 'AccessToken',
      mutate: (v) => (v.expiresIn = 0),
      at: '/expiresIn',
      says: /must be >= 1/,
    },
    {
      change: 'expiresIn over one year',
      schema: 'AccessToken',
      mutate: (v) => (v.expiresIn = 31_536_001),
      at: '/expiresIn',
      says: /must be <= 31536000/,
    },
    {
      change: 'invitation created before the epoch',
      schema: 'OutOfBandInvitation',
      mutate: (v) => (v.created_time = -1),
      at: '/created_time',
      says: /must be >= 0/,
    },
  ],
};

describe.each(Object.entries(rules))('Portabl schemas reject a body that breaks %s', (_rule, cases) => {
  it.each(cases)('$schema: $change', (c) => {
    expectRejectedExactly(componentIssues('portabl', c.schema, broken(c)), c);
  });
});
