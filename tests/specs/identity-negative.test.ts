// Negative cases for the Identities API schemas: for each rule of the document, the smallest change to a valid body
// or query value that breaks exactly that rule is rejected, and the rejection names the place and the rule. The valid
// bases are accepted first, so every rejection below is caused by its one change and each assertion can fail.
// Query parameters are validated against the schema their parameter points to in GET /identities.
import { describe, expect, it } from 'vitest';
import { componentIssues, loadBundle, validatorFor } from '../support/bundles.js';
import { broken as brokenFrom, expectRejectedExactly, type NegativeCase, times } from '../support/negative-cases.js';
import { child, follow } from '../support/walk.js';

const PERSON_ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const DOC_URL = 'https://documents.example.com/fd/fc/09/dd/4nHVF9Hz9FArIrUo.jpeg';

// The document's create example, as it is, with a valid host in place of its `[pmint_aws_s3_bucket]` placeholder.
const documentPerson = {
  address: { city: 'Braga', country: 'PT', postalCode: '4444-333', state: 'Braga', street: 'Avenida D. João I,  40' },
  birthday: '2000-11-11',
  email: 'foobar@publicmint.com',
  gender: 'Male',
  name: 'João Pedro Soares',
  phone: { number: '910000000', sms: false },
  tax: { country: 'PT', idNumber: '1111111111', state: 'Braga' },
  type: 'person',
  documents: [{ description: 'ID card', label: 'id card', side: 'FrontSide', type: 'IdentityCard', url: DOC_URL }],
  faceImages: [DOC_URL],
};

// One valid value per schema under test.
const base = {
  CreatePersonIdentityRequest: documentPerson,
  CreateCompanyIdentityRequest: {
    address: { city: 'Braga', country: 'PT', postalCode: '4700-001', street: 'Rua do Souto, 12' },
    email: 'geral@soares-filhos.example.com',
    identityOwner: PERSON_ID,
    name: 'Soares & Filhos, Lda.',
    phone: { number: '253000000', sms: false },
    tax: { country: 'PT', idNumber: '509999999', formationRegion: 'Braga' },
    type: 'company',
  },
  // The document's update example (without `type`, as the document sends it).
  UpdateIdentityRequest: (({ type: _type, ...rest }) => rest)(documentPerson),
  SandboxApproveIdentityRequest: { identityId: PERSON_ID, email: 'foobar@publicmint.com' },
  Identity: {
    id: PERSON_ID,
    appId: '0f8e2c52-6a31-4b59-9f0e-5d1f7a3b2c41',
    type: 'person',
    name: 'João Pedro Soares',
    email: 'foobar@publicmint.com',
    birthday: '2000-11-11',
    gender: 'male',
    address: documentPerson.address,
    phone: documentPerson.phone,
    tax: documentPerson.tax,
    blocked: false,
    identityConfirmed: false,
    identityOwner: null,
    kycStatus: [],
    createdAt: '2024-05-02T10:15:30.000Z',
    updatedAt: '2024-05-02T10:15:30.000Z',
  },
  // The document's operations example.
  IdentityOperationsResponse: {
    data: [
      { action: 'create', active: false, code: 'deposit:wire', reason: 'kyc_required_status_not_reached' },
      { action: 'create', active: true, code: 'deposit:stablecoin' },
      {
        action: 'create',
        active: false,
        code: 'withdrawal:wire',
        reason: 'operation_not_active_due_to_extra_kyc_missing',
      },
      { action: 'confirm', active: false, code: 'withdrawal:stablecoin', reason: 'identity_kyc_is_missing' },
    ],
  },
  Error: { code: 'identity_not_found', message: `Identity ${PERSON_ID} not found` },
} satisfies Record<string, Record<string, unknown>>;

type SchemaName = keyof typeof base;

type Case = NegativeCase<SchemaName>;
const broken = (c: Case) => brokenFrom(base, c);
const document = (i = 0) => ({ side: 'FrontSide', type: 'Passport', url: `https://documents.example.com/${i}.jpeg` });

describe('Identities base values (the negative cases change exactly one thing in these)', () => {
  it.each(Object.keys(base) as SchemaName[])('a valid %s is accepted', (schema) => {
    expect(componentIssues('identity', schema, base[schema])).toEqual([]);
  });

  it.each([
    ["the document's person", base.CreatePersonIdentityRequest],
    ['a company', base.CreateCompanyIdentityRequest],
    [
      'a US person with both states',
      {
        ...documentPerson,
        address: { ...documentPerson.address, country: 'US', state: 'TX' },
        tax: { country: 'US', idNumber: '123456789', state: 'TX' },
      },
    ],
  ])('the create body accepts %s', (_label, value) => {
    expect(componentIssues('identity', 'CreateIdentityRequest', value)).toEqual([]);
  });

  it.each([
    ['an empty body (every field is optional)', {}],
    ['only an email', { email: 'joao.soares@publicmint.com' }],
    [
      'a company type with a complete company tax',
      { type: 'company', tax: { country: 'PT', idNumber: '509999999', formationRegion: 'Braga' } },
    ],
  ])('the update body accepts %s', (_label, value) => {
    expect(componentIssues('identity', 'UpdateIdentityRequest', value)).toEqual([]);
  });
});

const rules: Record<string, Case[]> = {
  'person requires birthday and gender': [
    {
      change: 'person without birthday',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.birthday,
      at: '',
      says: /required property 'birthday'/,
    },
    {
      change: 'person without gender',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.gender,
      at: '',
      says: /required property 'gender'/,
    },
  ],
  'company requires identityOwner and tax.formationRegion': [
    {
      change: 'company without identityOwner',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => delete v.identityOwner,
      at: '',
      says: /required property 'identityOwner'/,
    },
    {
      change: 'company tax without formationRegion',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => delete v.tax.formationRegion,
      at: '/tax',
      says: /required property 'formationRegion'/,
    },
    {
      change: 'update that makes a company with a tax without formationRegion',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => {
        v.type = 'company';
        delete v.tax.state;
      },
      at: '/tax',
      says: /required property 'formationRegion'/,
    },
  ],
  'every identity requires name, email, address, phone, tax and type': [
    {
      change: 'person without name',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.name,
      at: '',
      says: /required property 'name'/,
    },
    {
      change: 'person without email',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.email,
      at: '',
      says: /required property 'email'/,
    },
    {
      change: 'person without address',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.address,
      at: '',
      says: /required property 'address'/,
    },
    {
      change: 'person without phone',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.phone,
      at: '',
      says: /required property 'phone'/,
    },
    {
      change: 'person without tax',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.tax,
      at: '',
      says: /required property 'tax'/,
    },
    {
      change: 'person without type',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.type,
      at: '',
      says: /required property 'type'/,
    },
    {
      change: 'company without name',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => delete v.name,
      at: '',
      says: /required property 'name'/,
    },
  ],
  'address, phone, tax and documents have their required parts (also in an update)': [
    {
      change: 'address without city',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.address.city,
      at: '/address',
      says: /required property 'city'/,
    },
    {
      change: 'address without country',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.address.country,
      at: '/address',
      says: /required property 'country'/,
    },
    {
      change: 'address without postalCode',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.address.postalCode,
      at: '/address',
      says: /required property 'postalCode'/,
    },
    {
      change: 'address without street',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.address.street,
      at: '/address',
      says: /required property 'street'/,
    },
    {
      change: 'phone without number',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.phone.number,
      at: '/phone',
      says: /required property 'number'/,
    },
    {
      change: 'tax without country',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.tax.country,
      at: '/tax',
      says: /required property 'country'/,
    },
    {
      change: 'tax without idNumber',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.tax.idNumber,
      at: '/tax',
      says: /required property 'idNumber'/,
    },
    {
      change: 'document without side',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.documents[0].side,
      at: '/documents/0',
      says: /required property 'side'/,
    },
    {
      change: 'document without type',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.documents[0].type,
      at: '/documents/0',
      says: /required property 'type'/,
    },
    {
      change: 'document without url',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => delete v.documents[0].url,
      at: '/documents/0',
      says: /required property 'url'/,
    },
    {
      change: 'update with an address without city (an address is sent whole)',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => delete v.address.city,
      at: '/address',
      says: /required property 'city'/,
    },
    {
      change: 'update with a tax without idNumber',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => delete v.tax.idNumber,
      at: '/tax',
      says: /required property 'idNumber'/,
    },
    {
      change: 'sandbox approval without email',
      schema: 'SandboxApproveIdentityRequest',
      mutate: (v) => delete v.email,
      at: '',
      says: /required property 'email'/,
    },
    {
      change: 'sandbox approval without identityId',
      schema: 'SandboxApproveIdentityRequest',
      mutate: (v) => delete v.identityId,
      at: '',
      says: /required property 'identityId'/,
    },
  ],
  'state is required when country is US': [
    {
      change: 'US address without state',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => {
        v.address.country = 'US';
        delete v.address.state;
      },
      at: '/address',
      says: /required property 'state'/,
    },
    {
      change: 'US tax without state',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => {
        v.tax.country = 'US';
        delete v.tax.state;
      },
      at: '/tax',
      says: /required property 'state'/,
    },
    {
      change: 'US company tax without state',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => (v.tax.country = 'US'),
      at: '/tax',
      says: /required property 'state'/,
    },
    {
      change: 'update with a US address without state',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => {
        v.address.country = 'US';
        delete v.address.state;
      },
      at: '/address',
      says: /required property 'state'/,
    },
    {
      change: 'update with a US tax without state',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => {
        v.tax.country = 'US';
        delete v.tax.state;
      },
      at: '/tax',
      says: /required property 'state'/,
    },
  ],
  'no unknown properties in request bodies, at any level': [
    {
      change: 'person with an unknown top-level property',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.nickname = 'Jota'),
      at: '',
      says: /additional properties.*"nickname"/,
    },
    {
      change: 'company with an unknown top-level property',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => (v.riskRating = 'low'),
      at: '',
      says: /additional properties.*"riskRating"/,
    },
    {
      change: 'person with a stored-only field (identityConfirmed)',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.identityConfirmed = true),
      at: '',
      says: /additional properties.*"identityConfirmed"/,
    },
    {
      change: 'address with an unknown property',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.address.county = 'Braga'),
      at: '/address',
      says: /additional properties.*"county"/,
    },
    {
      change: 'phone with an unknown property',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.phone.prefix = '+351'),
      at: '/phone',
      says: /additional properties.*"prefix"/,
    },
    {
      change: 'tax with an unknown property',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.tax.vatNumber = 'PT1111111111'),
      at: '/tax',
      says: /additional properties.*"vatNumber"/,
    },
    {
      change: 'company tax with an unknown property',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => (v.tax.vatNumber = 'PT509999999'),
      at: '/tax',
      says: /additional properties.*"vatNumber"/,
    },
    {
      change: 'documents[0] with an unknown property',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.documents[0].expiresOn = '2030-01-01'),
      at: '/documents/0',
      says: /additional properties.*"expiresOn"/,
    },
    {
      change: 'update with an unknown top-level property',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => (v.nickname = 'Jota'),
      at: '',
      says: /additional properties.*"nickname"/,
    },
    {
      change: 'update with an unknown address property',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => (v.address.county = 'Braga'),
      at: '/address',
      says: /additional properties.*"county"/,
    },
    {
      change: 'update with an unknown documents[0] property',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => (v.documents[0].expiresOn = '2030-01-01'),
      at: '/documents/0',
      says: /additional properties.*"expiresOn"/,
    },
    {
      change: 'sandbox approval with an unknown property',
      schema: 'SandboxApproveIdentityRequest',
      mutate: (v) => (v.approved = true),
      at: '',
      says: /additional properties.*"approved"/,
    },
  ],
  'enums and constants': [
    {
      change: 'request gender in the stored casing ("male")',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.gender = 'male'),
      at: '/gender',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'request gender "MALE"',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.gender = 'MALE'),
      at: '/gender',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'update gender in the stored casing ("female")',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => (v.gender = 'female'),
      at: '/gender',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'stored gender in the request casing ("Male")',
      schema: 'Identity',
      mutate: (v) => (v.gender = 'Male'),
      at: '/gender',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'document side "Front"',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.documents[0].side = 'Front'),
      at: '/documents/0/side',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'document type "IDCard"',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.documents[0].type = 'IDCard'),
      at: '/documents/0/type',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'type "robot" on an update',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => (v.type = 'robot'),
      at: '/type',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'stored type "robot"',
      schema: 'Identity',
      mutate: (v) => (v.type = 'robot'),
      at: '/type',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'a person body saying type "company"',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.type = 'company'),
      at: '/type',
      says: /must be equal to constant/,
    },
    {
      change: 'operation code "deposit:card"',
      schema: 'IdentityOperationsResponse',
      mutate: (v) => (v.data[0].code = 'deposit:card'),
      at: '/data/0/code',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'operation action "approve"',
      schema: 'IdentityOperationsResponse',
      mutate: (v) => (v.data[0].action = 'approve'),
      at: '/data/0/action',
      says: /must be equal to one of the allowed values/,
    },
    {
      change: 'error code "not_found" (not one of the codes)',
      schema: 'Error',
      mutate: (v) => (v.code = 'not_found'),
      at: '/code',
      says: /must be equal to one of the allowed values/,
    },
  ],
  'types (phone.sms is a boolean, identityOwner is nullable only when stored)': [
    {
      change: 'phone.sms as the string "false"',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.phone.sms = 'false'),
      at: '/phone/sms',
      says: /must be boolean/,
    },
    {
      change: 'identityOwner null in a company body',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => (v.identityOwner = null),
      at: '/identityOwner',
      says: /must be string/,
    },
    {
      change: 'stored identityOwner as a number',
      schema: 'Identity',
      mutate: (v) => (v.identityOwner = 42),
      at: '/identityOwner',
      says: /must be string,null/,
    },
    {
      change: 'operation active as the string "true"',
      schema: 'IdentityOperationsResponse',
      mutate: (v) => (v.data[1].active = 'true'),
      at: '/data/1/active',
      says: /must be boolean/,
    },
    {
      change: 'documents as a single document',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.documents = v.documents[0]),
      at: '/documents',
      says: /must be array/,
    },
  ],
  formats: [
    {
      change: 'email without a domain',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.email = 'foobar'),
      at: '/email',
      says: /must match format "email"/,
    },
    {
      change: 'identityOwner that is not a UUID',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => (v.identityOwner = 'biz'),
      at: '/identityOwner',
      says: /must match format "uuid"/,
    },
    {
      change: 'birthday written day first',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.birthday = '11/11/2000'),
      at: '/birthday',
      says: /must match format "date"/,
    },
    {
      change: 'birthday on a day that does not exist',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.birthday = '2000-02-30'),
      at: '/birthday',
      says: /must match format "date"/,
    },
    {
      change: 'document url that is not a URI',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.documents[0].url = 'fd/fc/09/dd/4nHVF9Hz9FArIrUo.jpeg'),
      at: '/documents/0/url',
      says: /must match format "uri"/,
    },
    {
      change: 'face image that is not a URI',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.faceImages = ['selfie.jpeg']),
      at: '/faceImages/0',
      says: /must match format "uri"/,
    },
    {
      change: 'sandbox identityId that is not a UUID',
      schema: 'SandboxApproveIdentityRequest',
      mutate: (v) => (v.identityId = '38882f21'),
      at: '/identityId',
      says: /must match format "uuid"/,
    },
    {
      change: 'stored appId that is not a UUID',
      schema: 'Identity',
      mutate: (v) => (v.appId = 'foobar'),
      at: '/appId',
      says: /must match format "uuid"/,
    },
    {
      change: 'stored createdAt without a time',
      schema: 'Identity',
      mutate: (v) => (v.createdAt = '2024-05-02'),
      at: '/createdAt',
      says: /must match format "date-time"/,
    },
  ],
  'patterns (country codes, single-line text)': [
    {
      change: 'address country written out ("Portugal")',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.address.country = 'Portugal'),
      at: '/address/country',
      says: /must NOT have more than 2 characters/,
    },
    {
      change: 'tax country in lower case ("pt")',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.tax.country = 'pt'),
      at: '/tax/country',
      says: /must match pattern/,
    },
    {
      change: 'name with a line break',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.name = 'João\nSoares'),
      at: '/name',
      says: /must match pattern/,
    },
    {
      change: 'empty street',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.address.street = ''),
      at: '/address/street',
      says: /must NOT have fewer than 1 characters/,
    },
  ],
  maxLength: [
    {
      change: 'name of 256 characters',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.name = 'J'.repeat(256)),
      at: '/name',
      says: /must NOT have more than 255 characters/,
    },
    {
      change: 'email of 255 characters',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.email = `${'f'.repeat(240)}@publicmint.com`),
      at: '/email',
      says: /must NOT have more than 254 characters/,
    },
    {
      change: 'city of 101 characters',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.address.city = 'B'.repeat(101)),
      at: '/address/city',
      says: /must NOT have more than 100 characters/,
    },
    {
      change: 'phone number of 33 characters',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.phone.number = '9'.repeat(33)),
      at: '/phone/number',
      says: /must NOT have more than 32 characters/,
    },
    {
      change: 'tax idNumber of 51 characters',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.tax.idNumber = '1'.repeat(51)),
      at: '/tax/idNumber',
      says: /must NOT have more than 50 characters/,
    },
    {
      change: 'formationRegion of 101 characters',
      schema: 'CreateCompanyIdentityRequest',
      mutate: (v) => (v.tax.formationRegion = 'B'.repeat(101)),
      at: '/tax/formationRegion',
      says: /must NOT have more than 100 characters/,
    },
    {
      change: 'document description of 256 characters',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.documents[0].description = 'd'.repeat(256)),
      at: '/documents/0/description',
      says: /must NOT have more than 255 characters/,
    },
    {
      change: 'document url of 2049 characters',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.documents[0].url = `https://documents.example.com/${'a'.repeat(2019)}`),
      at: '/documents/0/url',
      says: /must NOT have more than 2048 characters/,
    },
    {
      change: 'error message of 1001 characters',
      schema: 'Error',
      mutate: (v) => (v.message = 'm'.repeat(1001)),
      at: '/message',
      says: /must NOT have more than 1000 characters/,
    },
  ],
  'array sizes': [
    {
      change: '21 documents',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.documents = times(21, document)),
      at: '/documents',
      says: /must NOT have more than 20 items/,
    },
    {
      change: '11 face images',
      schema: 'CreatePersonIdentityRequest',
      mutate: (v) => (v.faceImages = times(11, (i) => `https://documents.example.com/face-${i}.jpeg`)),
      at: '/faceImages',
      says: /must NOT have more than 10 items/,
    },
    {
      change: 'update with 21 documents',
      schema: 'UpdateIdentityRequest',
      mutate: (v) => (v.documents = times(21, document)),
      at: '/documents',
      says: /must NOT have more than 20 items/,
    },
    {
      change: '101 operations',
      schema: 'IdentityOperationsResponse',
      mutate: (v) => (v.data = times(101, () => v.data[1])),
      at: '/data',
      says: /must NOT have more than 100 items/,
    },
  ],
};

describe.each(Object.entries(rules))('Identities schemas reject a body that breaks the rule: %s', (_rule, cases) => {
  it.each(cases)('$schema: $change', (c) => {
    const value = broken(c);
    expectRejectedExactly(componentIssues('identity', c.schema, value), c, /must match "then" schema/);
    // A create branch's rejection must also be the create body's (the `oneOf` of both branches).
    if (c.schema.startsWith('Create')) {
      expect(componentIssues('identity', 'CreateIdentityRequest', value)).not.toEqual([]);
    }
  });
});

// --- GET /identities query parameters, validated against the schema each parameter points to ----------------------

function listParameterSchemaPointer(name: string): string {
  const doc = loadBundle('identity');
  const op = { value: doc.paths['/identities']?.get, pointer: '#/paths/~1identities/get' };
  const params: any[] = op.value?.parameters ?? [];
  const index = params.findIndex((p) => follow(doc, { value: p, pointer: '' }).value.name === name);
  if (index === -1) throw new Error(`GET /identities has no ${name} parameter`);
  const parameter = follow(doc, child(op, 'parameters', String(index)));
  return follow(doc, child(parameter, 'schema')).pointer;
}

const queryIssues = (name: string, value: unknown) =>
  validatorFor('identity').validate(listParameterSchemaPointer(name), value);

describe('GET /identities filter: each field admits exactly the operators the document lists for it', () => {
  it.each([
    ['appId', 'foobar'],
    ['blocked', true],
    ['email', 'foobar@publicmint.com'],
    ['email', 'like:@publicmint.com'],
    ['id', PERSON_ID],
    ['id', 'in:foobar'],
    ['identityOwner', 'biz'],
    ['identityOwner', `in:${PERSON_ID},7d3c1a52-9b8e-4f06-a2d1-6c5e4b3a2f10`],
    ['name', 'fred'],
    ['riskRating', 'low'],
    ['riskRating', 'in:foo,bar'],
    ['riskRating', 'nin:foo,bar'],
    ['type', 'person'],
  ])('accepts filter[%s]=%s', (field, value) => {
    expect(queryIssues('filter', { [field]: value })).toEqual([]);
  });

  it.each([
    ['email', 'nin:@publicmint.com'],
    ['email', 'in:foobar@publicmint.com'],
    ['appId', 'like:foo'],
    ['appId', 'in:foo,bar'],
    ['name', 'like:fred'],
    ['id', 'nin:foobar'],
    ['id', 'like:3888'],
    ['identityOwner', 'nin:biz'],
    ['riskRating', 'like:lo'],
  ])('rejects filter[%s]=%s (an operator the field does not allow)', (field, value) => {
    expect(queryIssues('filter', { [field]: value })).toContainEqual({
      path: `/${field}`,
      message: expect.stringMatching(/must match pattern/),
    });
  });

  it.each([
    ['an unknown filter field', { phone: '910000000' }, '', /additional properties.*"phone"/],
    ['an empty value', { name: '' }, '/name', /must NOT have fewer than 1 characters/],
    ['a type that is not person or company', { type: 'robot' }, '/type', /must be equal to one of the allowed values/],
    ['blocked that is not a boolean', { blocked: 'yes' }, '/blocked', /must be boolean/],
    ['an over-long name', { name: 'f'.repeat(256) }, '/name', /must NOT have more than 255 characters/],
  ])('rejects %s', (_label, value, at, says) => {
    const issues = queryIssues('filter', value);
    expect(issues, JSON.stringify(issues)).toContainEqual({ path: at, message: expect.stringMatching(says) });
  });
});

describe('GET /identities page, sort and all', () => {
  it.each([{}, { size: 1 }, { size: 30, number: 1 }, { size: 100, number: 2 }])('accepts page %j', (value) => {
    expect(queryIssues('page', value)).toEqual([]);
  });

  it('declares the documented defaults: page[size] 30, page[number] 1', () => {
    const schema: any = follow(loadBundle('identity'), {
      value: { $ref: listParameterSchemaPointer('page') },
      pointer: '',
    }).value;
    expect(schema.properties.size.default).toBe(30);
    expect(schema.properties.number.default).toBe(1);
  });

  it.each([
    ['page size 0', { size: 0 }, '/size', /must be >= 1/],
    ['page size 101 (too large)', { size: 101 }, '/size', /must be <= 100/],
    ['page size with a fraction', { size: 1.5 }, '/size', /must be integer/],
    ['page number 0', { number: 0 }, '/number', /must be >= 1/],
    ['an unknown page key', { offset: 10 }, '', /additional properties.*"offset"/],
  ])('rejects %s', (_label, value, at, says) => {
    expect(queryIssues('page', value)).toContainEqual({ path: at, message: expect.stringMatching(says) });
  });

  it.each(['createdAt', '-createdAt', 'updatedAt', '-updatedAt'])('accepts sort=%s', (value) => {
    expect(queryIssues('sort', value)).toEqual([]);
  });

  it.each(['name', 'createdat', '+createdAt', '-name'])('rejects sort=%s', (value) => {
    expect(queryIssues('sort', value)).toContainEqual({
      path: '',
      message: expect.stringMatching(/must be equal to one of the allowed values/),
    });
  });

  it('accepts all as a boolean and rejects anything else', () => {
    expect(queryIssues('all', true)).toEqual([]);
    expect(queryIssues('all', 'yes')).toContainEqual({ path: '', message: expect.stringMatching(/must be boolean/) });
  });
});
