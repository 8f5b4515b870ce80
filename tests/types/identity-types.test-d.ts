// The Identities API rules that the generated TypeScript types carry, checked by the compiler (tsc, in tests/pipeline/typescript.test.ts):
// what the document forbids must fail to compile (each `@ts-expect-error` fails the run if its line compiles), and
// the document's own create example must compile as it is.
import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from '../../generated/identity/schema.js';

type CreateBody = paths['/identities']['post']['requestBody']['content']['application/json'];
type UpdateBody = paths['/identities/{id}']['patch']['requestBody']['content']['application/json'];
type ListQuery = NonNullable<paths['/identities']['get']['parameters']['query']>;
type Identity = components['schemas']['Identity'];

const address = { city: 'Braga', country: 'PT', postalCode: '4444-333', street: 'Avenida D. João I,  40' };
const phone = { number: '910000000', sms: false };

describe('Identities create body types', () => {
  it("compiles the document's create example as it is", () => {
    const documentExample = {
      address: {
        city: 'Braga',
        country: 'PT',
        postalCode: '4444-333',
        state: 'Braga',
        street: 'Avenida D. João I,  40',
      },
      birthday: '2000-11-11',
      email: 'foobar@publicmint.com',
      gender: 'Male',
      name: 'João Pedro Soares',
      phone: {
        number: '910000000',
        sms: false,
      },
      tax: {
        country: 'PT',
        idNumber: '1111111111',
        state: 'Braga',
      },
      type: 'person',
      documents: [
        {
          description: 'ID card',
          label: 'id card',
          side: 'FrontSide',
          type: 'IdentityCard',
          url: 'https://[pmint_aws_s3_bucket].s3.amazonaws.com/fd/fc/09/dd/4nHVF9Hz9FArIrUo.jpeg',
        },
      ],
      faceImages: ['https://[pmint_aws_s3_bucket].s3.amazonaws.com/fd/fc/09/dd/4nHVF9Hz9FArIrUo.jpeg'],
    } satisfies CreateBody;
    expectTypeOf(documentExample).toExtend<CreateBody>();
    expectTypeOf(documentExample.type).toEqualTypeOf<'person'>();
  });

  it('compiles a company with its owner and formation region', () => {
    const company = {
      type: 'company',
      name: 'Soares & Filhos, Lda.',
      email: 'geral@soares-filhos.example.com',
      identityOwner: '38882f21-ce8f-4e18-8b83-e43e082912ef',
      address,
      phone,
      tax: { country: 'PT', idNumber: '509999999', formationRegion: 'Braga' },
    } satisfies CreateBody;
    expectTypeOf(company).toExtend<CreateBody>();
    expectTypeOf(company.type).toEqualTypeOf<'company'>();
  });

  it('rejects a person without birthday', () => {
    // @ts-expect-error a person requires `birthday`
    const person: CreateBody = {
      type: 'person',
      name: 'João',
      email: 'j@example.com',
      address,
      phone,
      tax: { country: 'PT', idNumber: '1' },
      gender: 'Male',
    };
    expectTypeOf(person).not.toBeNever();
  });

  it('rejects a person without gender', () => {
    // @ts-expect-error a person requires `gender`
    const person: CreateBody = {
      type: 'person',
      name: 'João',
      email: 'j@example.com',
      address,
      phone,
      tax: { country: 'PT', idNumber: '1' },
      birthday: '2000-11-11',
    };
    expectTypeOf(person).not.toBeNever();
  });

  it('rejects a company without identityOwner', () => {
    // @ts-expect-error a company requires `identityOwner`
    const company: CreateBody = {
      type: 'company',
      name: 'Soares',
      email: 's@example.com',
      address,
      phone,
      tax: { country: 'PT', idNumber: '1', formationRegion: 'Braga' },
    };
    expectTypeOf(company).not.toBeNever();
  });

  it('rejects a company tax without formationRegion', () => {
    const owner = '38882f21-ce8f-4e18-8b83-e43e082912ef';
    // @ts-expect-error a company's tax requires `formationRegion`
    const company: CreateBody = {
      type: 'company',
      name: 'Soares',
      email: 's@example.com',
      identityOwner: owner,
      address,
      phone,
      tax: { country: 'PT', idNumber: '1' },
    };
    expectTypeOf(company).not.toBeNever();
  });

  it('rejects the stored gender casing in a request, and an unknown property', () => {
    const tax = { country: 'PT', idNumber: '1' };
    const person: CreateBody = {
      type: 'person',
      name: 'João',
      email: 'j@example.com',
      address,
      phone,
      tax,
      birthday: '2000-11-11',
      gender: 'Male',
    };
    // @ts-expect-error requests write `Male | Female | Undefined`
    const lowerCase: CreateBody = { ...person, gender: 'male' };
    const unknown: CreateBody = {
      type: 'person',
      name: 'João',
      email: 'j@example.com',
      address,
      phone,
      tax,
      birthday: '2000-11-11',
      gender: 'Male',
      // @ts-expect-error unknown properties are rejected
      nickname: 'Jota',
    };
    expectTypeOf([lowerCase, unknown]).items.not.toBeNever();
  });
});

describe('Identities update body and stored identity types', () => {
  it('makes every update field optional', () => {
    const emailOnly: UpdateBody = { email: 'joao.soares@publicmint.com' };
    const empty: UpdateBody = {};
    expectTypeOf([emailOnly, empty]).items.toExtend<UpdateBody>();
  });

  it('rejects an unknown property in an update', () => {
    // @ts-expect-error unknown properties are rejected
    const update: UpdateBody = { nickname: 'Jota' };
    expectTypeOf(update).not.toBeNever();
  });

  it('types both gender casings, and identityOwner as nullable on the stored identity only', () => {
    expectTypeOf<components['schemas']['RequestGender']>().toEqualTypeOf<'Male' | 'Female' | 'Undefined'>();
    expectTypeOf<Identity['gender']>().toEqualTypeOf<'male' | 'female' | 'undefined' | undefined>();
    expectTypeOf<Identity['identityOwner']>().toEqualTypeOf<string | null>();
    expectTypeOf<Identity['phone']['sms']>().toEqualTypeOf<boolean>();
  });
});

describe('Identities list query types', () => {
  it('compiles the documented filters, page and sort', () => {
    const query: ListQuery = {
      filter: { email: 'like:@publicmint.com', riskRating: 'nin:foo,bar', blocked: true, type: 'person' },
      page: { number: 1, size: 1 },
      sort: '-createdAt',
      all: false,
    };
    expectTypeOf(query).toExtend<ListQuery>();
    expectTypeOf<NonNullable<ListQuery['sort']>>().toEqualTypeOf<
      'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt'
    >();
  });

  it('rejects a wrong sort', () => {
    // @ts-expect-error sort is one of createdAt, -createdAt, updatedAt, -updatedAt
    const query: ListQuery = { sort: 'name' };
    expectTypeOf(query).not.toBeNever();
  });

  it('rejects an unknown filter field', () => {
    // @ts-expect-error `phone` is not a filter
    const query: ListQuery = { filter: { phone: '910000000' } };
    expectTypeOf(query).not.toBeNever();
  });

  it('rejects a filter type that is neither person nor company', () => {
    // @ts-expect-error type is person or company
    const query: ListQuery = { filter: { type: 'robot' } };
    expectTypeOf(query).not.toBeNever();
  });
});
