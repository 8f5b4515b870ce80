// Negative cases for the Portabl Core API schemas: for each rule a schema carries, the smallest change to a valid
// body that breaks exactly that rule is rejected, and the rejection names the place and the rule. The valid base
// bodies are accepted first, so every rejection below is caused by its one change and each assertion can fail.
import { describe, expect, it } from 'vitest';
import { componentIssues } from '../support/bundles.js';
import {
  broken as brokenFrom,
  casesOf,
  expectRejectedExactly,
  type NegativeCase,
  times,
} from '../support/negative-cases.js';

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

const tokenRequest = casesOf(base, 'AccessTokenRequest');
const token = casesOf(base, 'AccessToken');
const settings = casesOf(base, 'UserSettingsRequest');
const claims = casesOf(base, 'UpdateUserClaimsRequest');
const updated = casesOf(base, 'UpdatedUserClaims');
const datapoint = casesOf(base, 'Datapoint');
const syncRequest = casesOf(base, 'CreateSyncSessionRequest');
const syncCreated = casesOf(base, 'SyncSessionCreated');
const invitation = casesOf(base, 'OutOfBandInvitation');
const error = casesOf(base, 'Error');

const pattern = /must match pattern/;
// `claims` includes the shared PersonClaims through allOf, so it is closed with unevaluatedProperties.
const unevaluated = (name: string) => new RegExp(`must NOT have unevaluated properties.*"${name}"`);

const rules: Record<string, Case[]> = {
  'required properties': [
    tokenRequest.without('token request without clientSecret', 'clientSecret'),
    tokenRequest.without('token request without clientId', 'clientId'),
    token.without('token response without accessToken', 'accessToken'),
    settings.without('settings request without settings', 'settings'),
    settings.without('settings without isSyncOn', 'settings/isSyncOn'),
    claims.without('claims update without claims', 'claims'),
    updated.without('updated claims without _id', '_id'),
    updated.without('updated claims without userId', 'userId'),
    datapoint.without('datapoint without jsonPathArray', 'jsonPathArray'),
    datapoint.without('datapoint without jsonSchema', 'jsonSchema'),
    syncCreated.without('sync session answer without invitationUrl', 'invitationUrl'),
    syncCreated.without('sync session without createdAt', 'syncSession/createdAt'),
    invitation.without('invitation without from', 'from'),
    invitation.without('invitation body without accept', 'body/accept'),
  ],
  'no unknown properties in request bodies': [
    tokenRequest.adding('token request with grant_type', 'grant_type', 'client_credentials'),
    settings.adding('settings request with a sibling of settings', 'isSyncOn', true),
    settings.adding('settings with an unknown setting', 'settings/isSyncOff', false),
    claims.adding('claims update with a sibling of claims', 'userId', USER_ID),
    claims.adding('claims with an unknown claim', 'claims/nickname', 'Lizzie', unevaluated('nickname')),
    claims.adding(
      'claims update with a flat address claim (responses are flat, requests nest)',
      'claims/registrationAddressDetailsCountry',
      'USA',
      unevaluated('registrationAddressDetailsCountry'),
    ),
    claims.adding("claims with the update answer's _id", 'claims/_id', '644694ceaf1e5a181722e38e', unevaluated('_id')),
    claims.adding('address with an unknown part', 'claims/registrationAddressDetails/county', 'Kings'),
    syncRequest.adding('sync session request with an unknown property', 'userId', USER_ID),
  ],
  'types (the document quotes its placeholders)': [
    settings.setting('isSyncOn as the string "true"', 'settings/isSyncOn', 'true', /must be boolean/),
    settings.setting(
      'isSyncOn as the document\'s placeholder "boolean"',
      'settings/isSyncOn',
      'boolean',
      /must be boolean/,
    ),
    settings.setting(
      'settings as the curl\'s "<YOUR settings>" string',
      'settings',
      '<YOUR settings>',
      /must be object/,
    ),
    claims.setting('claims as the curl\'s "<YOUR claims>" string', 'claims', '<YOUR claims>', /must be object/),
    syncCreated.setting('isConnected as the string "false"', 'isConnected', 'false', /must be boolean/),
    error.setting('error code as a number', 'code', 403, /must be string/),
    error.setting('error message as an object', 'message', { text: 'denied' }, /must be string/),
    token.setting('expiresIn as a string', 'expiresIn', '86400', /must be integer/),
    token.setting('expiresIn with a fraction', 'expiresIn', 1.5, /must be integer/),
    datapoint.setting(
      'jsonPathArray as a single string',
      'jsonPathArray',
      '$.credentialSubject.firstName',
      /must be array/,
    ),
  ],
  maxLength: [
    tokenRequest.setting(
      'clientId of 129 characters',
      'clientId',
      'c'.repeat(129),
      /must NOT have more than 128 characters/,
    ),
    tokenRequest.setting(
      'clientSecret of 257 characters',
      'clientSecret',
      's'.repeat(257),
      /must NOT have more than 256 characters/,
    ),
    claims.setting(
      'firstName of 101 characters',
      'claims/firstName',
      'L'.repeat(101),
      /must NOT have more than 100 characters/,
    ),
    claims.setting(
      'socialSecurityNumber of 33 characters',
      'claims/socialSecurityNumber',
      '9'.repeat(33),
      /must NOT have more than 32 characters/,
    ),
    claims.setting(
      'streetAddress of 201 characters',
      'claims/registrationAddressDetails/streetAddress',
      'a'.repeat(201),
      /must NOT have more than 200 characters/,
    ),
    claims.setting(
      'emailAddress of 255 characters',
      'claims/emailAddress',
      `${'l'.repeat(243)}@example.com`,
      /must NOT have more than 254 characters/,
    ),
    error.setting('error code of 129 characters', 'code', 'c'.repeat(129), /must NOT have more than 128 characters/),
    token.setting(
      'accessToken of 8193 characters',
      'accessToken',
      't'.repeat(8193),
      /must NOT have more than 8192 characters/,
    ),
    error.setting(
      'error message of 2049 characters',
      'message',
      'm'.repeat(2049),
      /must NOT have more than 2048 characters/,
    ),
  ],
  formats: [
    syncRequest.setting(
      'syncSessionId that is not a UUID',
      'syncSessionId',
      'add04a97-161b-448a-9b89',
      /must match format "uuid"/,
    ),
    updated.setting('userId that is not a UUID', 'userId', 'liz-lemon', /must match format "uuid"/),
    claims.setting('birthDate written day first', 'claims/birthDate', '27/11/1970', /must match format "date"/),
    claims.setting(
      'birthDate on a day that does not exist',
      'claims/birthDate',
      '1970-02-30',
      /must match format "date"/,
    ),
    claims.setting('emailAddress without a domain', 'claims/emailAddress', 'liz.lemon', /must match format "email"/),
    syncCreated.setting(
      'createdAt without a time',
      'syncSession/createdAt',
      '2023-04-24',
      /must match format "date-time"/,
    ),
  ],
  patterns: [
    tokenRequest.setting('a scope without its action', 'scopes/0', 'provider-users', pattern),
    tokenRequest.setting('a client secret containing a space', 'clientSecret', 'your client secret', pattern),
    token.setting(
      'scope string with a comma between scopes',
      'scope',
      'read:provider-users,upsert:provider-users',
      pattern,
    ),
    // accessToken is opaque: only RFC 6750's b64token characters are required (a non-JWT token is accepted, see
    // portabl-response-leniency.test.ts).
    token.setting('accessToken containing a space', 'accessToken', 'fake access token', pattern),
    token.setting('accessToken with padding before the end', 'accessToken', 'fake=token', pattern),
    token.setting('accessToken with a character outside b64token', 'accessToken', 'fake,token', pattern),
    token.setting('idToken that is not a JWT (two segments)', 'idToken', 'header.payload', pattern),
    updated.setting('_id of 23 hexadecimal digits', '_id', '644694ceaf1e5a181722e38', pattern),
    updated.setting('_id with a non-hexadecimal digit', '_id', '644694ceaf1e5a181722e38g', pattern),
    datapoint.setting(
      'datapoint id without the urn:uuid: prefix',
      'id',
      'd6716787-c611-4712-a67a-18232dd1ada8',
      pattern,
    ),
    datapoint.setting(
      'JSONPath that does not start at $.credentialSubject',
      'jsonPathArray/0',
      'credentialSubject.firstName',
      pattern,
    ),
    datapoint.setting('datapoint kind not in PascalCase', 'kind', 'first_name', pattern),
    claims.setting('firstName containing a line break', 'claims/firstName', 'Liz\nLemon', pattern),
    claims.setting('empty lastName', 'claims/lastName', '', pattern),
    claims.setting('phoneNumber with letters', 'claims/phoneNumber', '+1 212 CALL LIZ', pattern),
    claims.setting('postalCode with punctuation', 'claims/registrationAddressDetails/postalCode', '10024!', pattern),
    syncCreated.setting(
      'invitationUrl without the _oob parameter',
      'invitationUrl',
      'https://api.getportabl.com/connect?oob=eyJ9',
      pattern,
    ),
    syncCreated.setting(
      'invitationUrl over plain http',
      'invitationUrl',
      'http://api.getportabl.com/connect?_oob=eyJ9',
      pattern,
    ),
    invitation.setting('invitation from that is not a DID', 'from', 'https://api.getportabl.com', pattern),
    error.setting('error code containing a line break', 'code', 'insufficient\nscope', pattern),
    error.setting('error message containing a NUL character', 'message', 'denied\u0000', pattern),
  ],
  'enums and constants': [
    datapoint.setting(
      'evidenceOptionality "optional"',
      'evidenceOptionality',
      'optional',
      /must be equal to one of the allowed values/,
    ),
    token.setting('tokenType "bearer" in lower case', 'tokenType', 'bearer', /must be equal to constant/),
    invitation.setting(
      'invitation of another message type',
      'type',
      'https://didcomm.org/out-of-band/1.1/invitation',
      /must be equal to constant/,
    ),
  ],
  'array sizes': [
    tokenRequest.setting(
      '33 scopes',
      'scopes',
      times(
        33,
        (i) => `read:scope-${String.fromCharCode(97 + (i % 26))}-${String.fromCharCode(97 + Math.floor(i / 26))}`,
      ),
      /must NOT have more than 32 items/,
    ),
    tokenRequest.setting('an empty scopes list', 'scopes', [], /must NOT have fewer than 1 items/),
    tokenRequest.setting(
      'the same scope twice',
      'scopes',
      ['read:provider-users', 'read:provider-users'],
      /must NOT have duplicate items/,
    ),
    datapoint.setting(
      '17 JSONPaths',
      'jsonPathArray',
      times(17, (i) => `$.credentialSubject.claim${i}`),
      /must NOT have more than 16 items/,
    ),
    datapoint.setting('no JSONPath at all', 'jsonPathArray', [], /must NOT have fewer than 1 items/),
    syncCreated.setting(
      '101 DIDComm session ids',
      'syncSession/didcommSessionIds',
      times(101, (i) => `session-${i}`),
      /must NOT have more than 100 items/,
    ),
    invitation.setting('an invitation accepting no profile', 'body/accept', [], /must NOT have fewer than 1 items/),
  ],
  'object and integer bounds': [
    datapoint.setting(
      'a datapoint jsonSchema with 65 keywords',
      'jsonSchema',
      Object.fromEntries(times(65, (i) => `k${i}`).map((k) => [k, true])),
      /must NOT have more than 64 properties/,
    ),
    token.setting('expiresIn of 0 seconds', 'expiresIn', 0, /must be >= 1/),
    token.setting('expiresIn over one year', 'expiresIn', 31_536_001, /must be <= 31536000/),
    invitation.setting('invitation created before the epoch', 'created_time', -1, /must be >= 0/),
  ],
};

describe.each(Object.entries(rules))('Portabl schemas reject a body that breaks %s', (_rule, cases) => {
  it.each(cases)('$schema: $change', (c) => {
    expectRejectedExactly(componentIssues('portabl', c.schema, broken(c)), c);
  });
});
