// Negative cases for the Identities API schemas: for each rule of the document, the smallest change to a valid body
// or query value that breaks exactly that rule is rejected, and the rejection names the place and the rule. The valid
// bases are accepted first, so every rejection below is caused by its one change and each assertion can fail.
// Query parameters are validated against the schema their parameter points to in GET /identities.
import { describe, expect, it } from 'vitest';
import { componentIssues, loadBundle, validatorFor } from '../support/bundles.js';
import {
  broken as brokenFrom,
  casesOf,
  expectRejectedExactly,
  type NegativeCase,
  type SchemaCases,
  times,
} from '../support/negative-cases.js';
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

const person = casesOf(base, 'CreatePersonIdentityRequest');
const company = casesOf(base, 'CreateCompanyIdentityRequest');
const update = casesOf(base, 'UpdateIdentityRequest');
const approval = casesOf(base, 'SandboxApproveIdentityRequest');
const stored = casesOf(base, 'Identity');
const operations = casesOf(base, 'IdentityOperationsResponse');
const error = casesOf(base, 'Error');

// A US address or tax without a state (the company's tax has none to begin with).
const usWithoutState = (of: SchemaCases<SchemaName>, change: string, part: 'address' | 'tax') =>
  of.editing(
    change,
    (v) => {
      v[part].country = 'US';
      delete v[part].state;
    },
    `/${part}`,
    /required property 'state'/,
  );

const notAllowed = /must be equal to one of the allowed values/;

const rules: Record<string, Case[]> = {
  'person requires birthday and gender': [
    person.without('person without birthday', 'birthday'),
    person.without('person without gender', 'gender'),
  ],
  'company requires identityOwner and tax.formationRegion': [
    company.without('company without identityOwner', 'identityOwner'),
    company.without('company tax without formationRegion', 'tax/formationRegion'),
    update.editing(
      'update that makes a company with a tax without formationRegion',
      (v) => {
        v.type = 'company';
        delete v.tax.state;
      },
      '/tax',
      /required property 'formationRegion'/,
    ),
  ],
  'every identity requires name, email, address, phone, tax and type': [
    person.without('person without name', 'name'),
    person.without('person without email', 'email'),
    person.without('person without address', 'address'),
    person.without('person without phone', 'phone'),
    person.without('person without tax', 'tax'),
    person.without('person without type', 'type'),
    company.without('company without name', 'name'),
  ],
  'address, phone, tax and documents have their required parts (also in an update)': [
    person.without('address without city', 'address/city'),
    person.without('address without country', 'address/country'),
    person.without('address without postalCode', 'address/postalCode'),
    person.without('address without street', 'address/street'),
    person.without('phone without number', 'phone/number'),
    person.without('tax without country', 'tax/country'),
    person.without('tax without idNumber', 'tax/idNumber'),
    person.without('document without side', 'documents/0/side'),
    person.without('document without type', 'documents/0/type'),
    person.without('document without url', 'documents/0/url'),
    update.without('update with an address without city (an address is sent whole)', 'address/city'),
    update.without('update with a tax without idNumber', 'tax/idNumber'),
    approval.without('sandbox approval without email', 'email'),
    approval.without('sandbox approval without identityId', 'identityId'),
  ],
  'state is required when country is US': [
    usWithoutState(person, 'US address without state', 'address'),
    usWithoutState(person, 'US tax without state', 'tax'),
    usWithoutState(company, 'US company tax without state', 'tax'),
    usWithoutState(update, 'update with a US address without state', 'address'),
    usWithoutState(update, 'update with a US tax without state', 'tax'),
  ],
  'no unknown properties in request bodies, at any level': [
    person.adding('person with an unknown top-level property', 'nickname', 'Jota'),
    company.adding('company with an unknown top-level property', 'riskRating', 'low'),
    person.adding('person with a stored-only field (identityConfirmed)', 'identityConfirmed', true),
    person.adding('address with an unknown property', 'address/county', 'Braga'),
    person.adding('phone with an unknown property', 'phone/prefix', '+351'),
    person.adding('tax with an unknown property', 'tax/vatNumber', 'PT1111111111'),
    company.adding('company tax with an unknown property', 'tax/vatNumber', 'PT509999999'),
    person.adding('documents[0] with an unknown property', 'documents/0/expiresOn', '2030-01-01'),
    update.adding('update with an unknown top-level property', 'nickname', 'Jota'),
    update.adding('update with an unknown address property', 'address/county', 'Braga'),
    update.adding('update with an unknown documents[0] property', 'documents/0/expiresOn', '2030-01-01'),
    approval.adding('sandbox approval with an unknown property', 'approved', true),
  ],
  'enums and constants': [
    person.setting('request gender in the stored casing ("male")', 'gender', 'male', notAllowed),
    person.setting('request gender "MALE"', 'gender', 'MALE', notAllowed),
    update.setting('update gender in the stored casing ("female")', 'gender', 'female', notAllowed),
    stored.setting('stored gender in the request casing ("Male")', 'gender', 'Male', notAllowed),
    person.setting('document side "Front"', 'documents/0/side', 'Front', notAllowed),
    person.setting('document type "IDCard"', 'documents/0/type', 'IDCard', notAllowed),
    update.setting('type "robot" on an update', 'type', 'robot', notAllowed),
    stored.setting('stored type "robot"', 'type', 'robot', notAllowed),
    person.setting('a person body saying type "company"', 'type', 'company', /must be equal to constant/),
    operations.setting('operation code "deposit:card"', 'data/0/code', 'deposit:card', notAllowed),
    operations.setting('operation action "approve"', 'data/0/action', 'approve', notAllowed),
    error.setting('error code "not_found" (not one of the codes)', 'code', 'not_found', notAllowed),
  ],
  'types (phone.sms is a boolean, identityOwner is nullable only when stored)': [
    person.setting('phone.sms as the string "false"', 'phone/sms', 'false', /must be boolean/),
    company.setting('identityOwner null in a company body', 'identityOwner', null, /must be string/),
    stored.setting('stored identityOwner as a number', 'identityOwner', 42, /must be string,null/),
    operations.setting('operation active as the string "true"', 'data/1/active', 'true', /must be boolean/),
    person.setting('documents as a single document', 'documents', documentPerson.documents[0], /must be array/),
  ],
  formats: [
    person.setting('email without a domain', 'email', 'foobar', /must match format "email"/),
    company.setting('identityOwner that is not a UUID', 'identityOwner', 'biz', /must match format "uuid"/),
    person.setting('birthday written day first', 'birthday', '11/11/2000', /must match format "date"/),
    person.setting('birthday on a day that does not exist', 'birthday', '2000-02-30', /must match format "date"/),
    person.setting(
      'document url that is not a URI',
      'documents/0/url',
      'fd/fc/09/dd/4nHVF9Hz9FArIrUo.jpeg',
      /must match format "uri"/,
    ),
    person.setting('face image that is not a URI', 'faceImages/0', 'selfie.jpeg', /must match format "uri"/),
    approval.setting('sandbox identityId that is not a UUID', 'identityId', '38882f21', /must match format "uuid"/),
    stored.setting('stored appId that is not a UUID', 'appId', 'foobar', /must match format "uuid"/),
    stored.setting('stored createdAt without a time', 'createdAt', '2024-05-02', /must match format "date-time"/),
  ],
  'patterns (country codes, single-line text)': [
    person.setting(
      'address country written out ("Portugal")',
      'address/country',
      'Portugal',
      /must NOT have more than 2 characters/,
    ),
    person.setting('tax country in lower case ("pt")', 'tax/country', 'pt', /must match pattern/),
    person.setting('name with a line break', 'name', 'João\nSoares', /must match pattern/),
    person.setting('empty street', 'address/street', '', /must NOT have fewer than 1 characters/),
  ],
  maxLength: [
    person.setting('name of 256 characters', 'name', 'J'.repeat(256), /must NOT have more than 255 characters/),
    person.setting(
      'email of 255 characters',
      'email',
      `${'f'.repeat(240)}@publicmint.com`,
      /must NOT have more than 254 characters/,
    ),
    person.setting('city of 101 characters', 'address/city', 'B'.repeat(101), /must NOT have more than 100 characters/),
    person.setting(
      'phone number of 33 characters',
      'phone/number',
      '9'.repeat(33),
      /must NOT have more than 32 characters/,
    ),
    person.setting(
      'tax idNumber of 51 characters',
      'tax/idNumber',
      '1'.repeat(51),
      /must NOT have more than 50 characters/,
    ),
    company.setting(
      'formationRegion of 101 characters',
      'tax/formationRegion',
      'B'.repeat(101),
      /must NOT have more than 100 characters/,
    ),
    person.setting(
      'document description of 256 characters',
      'documents/0/description',
      'd'.repeat(256),
      /must NOT have more than 255 characters/,
    ),
    person.setting(
      'document url of 2049 characters',
      'documents/0/url',
      `https://documents.example.com/${'a'.repeat(2019)}`,
      /must NOT have more than 2048 characters/,
    ),
    error.setting(
      'error message of 1001 characters',
      'message',
      'm'.repeat(1001),
      /must NOT have more than 1000 characters/,
    ),
  ],
  'array sizes': [
    person.setting('21 documents', 'documents', times(21, document), /must NOT have more than 20 items/),
    person.setting(
      '11 face images',
      'faceImages',
      times(11, (i) => `https://documents.example.com/face-${i}.jpeg`),
      /must NOT have more than 10 items/,
    ),
    update.setting('update with 21 documents', 'documents', times(21, document), /must NOT have more than 20 items/),
    operations.setting(
      '101 operations',
      'data',
      times(101, () => base.IdentityOperationsResponse.data[1]),
      /must NOT have more than 100 items/,
    ),
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
