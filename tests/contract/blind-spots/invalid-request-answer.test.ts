// Blind spot (d): stock Prism answers a request that breaks the schema with the spec's 422 if the operation has one
// (else its 400), and with that response's FIRST example, whatever code that example carries. The real reason is only
// in Prism's log and its `sl-violations` header. Fixed by our mock's server (scripts/mock/server.mjs): the operation's
// 400 `validation_failed`, as both APIs answer, with a `message` that says what is wrong with this request.
import { describe, expect, it } from 'vitest';
import type { RunningPrism } from '../../../scripts/mock/prism.mjs';
import { APIKEY_HEADERS } from '../../support/bodies.js';
import type { ApiName } from '../../support/bundles.js';
import { send, stockAndServedMocks, violationPaths } from '../support/private-mock.js';
import { documentedResponse } from '../support/spec-responses.js';

const APIKEY = APIKEY_HEADERS;
const PERSON_WITHOUT_BIRTHDAY = {
  type: 'person',
  name: 'Ana Sousa',
  email: 'ana@example.com',
  gender: 'Female',
  address: { city: 'Braga', country: 'PT', postalCode: '4444-333', street: 'Avenida D. João I, 40' },
  phone: { number: '910000000', sms: false },
  tax: { country: 'PT', idNumber: '1111111111' },
};

/** The example the spec documents for (operation, status): the first, or the one whose `code` is given. */
function specExample(api: ApiName, operationId: string, status: number, code?: string): unknown {
  const examples = documentedResponse(api, operationId, status)?.body?.examples ?? [];
  const example = code === undefined ? examples[0] : examples.find((e) => (e.value as { code?: string }).code === code);
  if (!example)
    throw new Error(`${api} ${operationId} ${status} documents no example${code ? ` with code ${code}` : ''}`);
  return example.value;
}

describe('an identity without a birthday (POST /identities)', () => {
  const mocks = stockAndServedMocks('identity');

  const createIdentity = (mock: RunningPrism, headers: Record<string, string> = APIKEY) =>
    send(mock.url, 'POST', '/identities', { headers, body: PERSON_WITHOUT_BIRTHDAY });

  it('stock Prism: 422 with the first 422 example (identity_owner_must_be_of_type_person), the reason only in sl-violations', async () => {
    const answer = await createIdentity(mocks.stock);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual(specExample('identity', 'createIdentity', 422));
    expect((answer.body as { code: string }).code).toBe('identity_owner_must_be_of_type_person');
    expect(answer.violations.map((v) => v.message)).toContain("Request body must have required property 'birthday'");
  });

  it('stock Prism: a client cannot ask its way out (Prefer: code=400 still gets the 422)', async () => {
    const answer = await createIdentity(mocks.stock, { ...APIKEY, prefer: 'code=400' });
    expect(answer.status).toBe(422);
  });

  it('our mock: 400 validation_failed, as the API documents, the reason in sl-violations and in the message', async () => {
    const answer = await createIdentity(mocks.served);
    expect(answer.status).toBe(400);
    expect((answer.body as { code: string }).code).toBe('validation_failed');
    expect((answer.body as { message: string }).message).toContain("must have required property 'birthday'");
    expect(answer.violations.map((v) => v.message)).toEqual(["Request body must have required property 'birthday'"]);
  });

  it('our mock: a missing apikey still wins over the invalid body: 401', async () => {
    const answer = await createIdentity(mocks.served, {});
    expect(answer.status).toBe(401);
  });

  it('our mock: the message of the documented error body says what is wrong with this request', async () => {
    const answer = await send(mocks.served.url, 'GET', '/identities?sort=name', { headers: APIKEY });
    expect(answer.status).toBe(400);
    const example = specExample('identity', 'listIdentities', 400, 'validation_failed') as {
      code: string;
      message: string;
    };
    expect(answer.body).toEqual({
      code: example.code,
      message: expect.stringContaining('sort must be equal to one of the allowed values'),
    });
    expect(violationPaths(answer)).toEqual(['query.sort enum']);
  });
});

describe('a token request without clientSecret (POST /provider/token)', () => {
  const mocks = stockAndServedMocks('portabl');

  it.each([
    ['stock Prism', () => mocks.stock],
    ['our mock', () => mocks.served],
  ])('%s: 400 validation_failed (the operation documents no 422)', async (_name, mock) => {
    const answer = await send(mock().url, 'POST', '/provider/token', { body: { clientId: 'contract-test-client' } });
    expect(answer.status).toBe(400);
    expect((answer.body as { code: string }).code).toBe(
      specExample('portabl', 'createAccessToken', 400, 'validation_failed') && 'validation_failed',
    );
    expect(violationPaths(answer)).toEqual(['body required']);
  });
});
