// Valid Identities request bodies that the negative and blind-spot tests break one rule at a time. Shared so that
// "valid" means the same thing in every file (each file's base-body test proves these are accepted).

/** Any well-formed uuid: a mock (or a validating server) refuses a broken request before it looks an id up. */
export const ANY_IDENTITY_ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';

export const APIKEY_HEADERS = { apikey: 'fake-api-key-for-the-mock' };

export const PT_ADDRESS = { city: 'Braga', country: 'PT', postalCode: '4444-333', street: 'Avenida D. João I, 40' };

export const PERSON_BODY = {
  type: 'person',
  name: 'Ana Sousa',
  email: 'ana.sousa@example.com',
  birthday: '1990-04-01',
  gender: 'Female',
  address: PT_ADDRESS,
  phone: { number: '910000000', sms: false },
  tax: { country: 'PT', idNumber: '1111111111' },
};

export const COMPANY_BODY = {
  type: 'company',
  name: 'Sousa Lda',
  email: 'geral@sousa.example.com',
  identityOwner: ANY_IDENTITY_ID,
  address: PT_ADDRESS,
  phone: { number: '253000000' },
  tax: { country: 'PT', idNumber: '509999999', formationRegion: 'Braga' },
};
