// ApiError's body is narrowed by status: the proof that error handling is typed by the spec, not `unknown`.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ApiError,
  apiErrorOf,
  type ErrorBodyOf,
  type ErrorStatusOf,
  isApiError,
  isIdentityApiError,
  unwrap,
} from '../../src/identity/index.js';
import { type components, createPortablClient, type operations } from '../../src/portabl/index.js';

type PortablError = components['schemas']['Error'];

// A made-up operation whose error statuses have different bodies, so that narrowing is visible in the types.
type Conflicting = {
  responses: {
    200: { content: { 'application/json': { ok: true } } };
    404: { content: { 'application/json': { code: 'not_found'; id: string } } };
    422: { content: { 'application/json': { code: 'invalid'; fields: string[] } } };
  };
};

describe('ApiError types', () => {
  it('lists the error statuses an operation documents, and their bodies', () => {
    expectTypeOf<ErrorStatusOf<Conflicting>>().toEqualTypeOf<404 | 422>();
    expectTypeOf<ErrorBodyOf<Conflicting, 422>>().toEqualTypeOf<{ code: 'invalid'; fields: string[] }>();
    expectTypeOf<ErrorStatusOf<operations['createAccessToken']>>().toEqualTypeOf<400 | 401 | 429 | 500>();
  });

  it('narrows body by status with is()', () => {
    const error = null as unknown as ApiError<Conflicting>;
    expectTypeOf(error.body).toEqualTypeOf<{ code: 'not_found'; id: string } | { code: 'invalid'; fields: string[] }>();
    if (error.is(422)) {
      expectTypeOf(error.status).toEqualTypeOf<422>();
      expectTypeOf(error.body).toEqualTypeOf<{ code: 'invalid'; fields: string[] }>();
    }
    if (isApiError(error, 404)) expectTypeOf(error.body).toEqualTypeOf<{ code: 'not_found'; id: string }>();
    // @ts-expect-error 409 is not documented for this operation
    error.is(409);
  });

  it('infers the operation from a client result', async () => {
    const portabl = createPortablClient({ clientId: 'id', clientSecret: 's' });
    const result = await portabl.GET('/provider/users/{userId}/settings', { params: { path: { userId: 'u' } } });
    const error = apiErrorOf(result);
    if (error?.is(404)) expectTypeOf(error.body).toEqualTypeOf<PortablError>();
    // @ts-expect-error getUserSettings documents no 409
    error?.is(409);
    expectTypeOf(unwrap(result)).toEqualTypeOf<components['schemas']['UserSettings']>();
  });

  it('narrows by operation and status in a catch block', () => {
    const caught: unknown = null;
    if (isIdentityApiError(caught, 'getIdentity', 404)) {
      expectTypeOf(caught.status).toEqualTypeOf<404>();
      // The spec narrows each status's Error.code: a 404 of getIdentity can only be identity_not_found.
      expectTypeOf(caught.body.code).toEqualTypeOf<'identity_not_found'>();
    }
    if (isIdentityApiError(caught, 'createIdentity')) {
      expectTypeOf(caught.body.code).toExtend<string>();
      if (caught.is(422)) expectTypeOf(caught.body.code).toEqualTypeOf<'identity_owner_must_be_of_type_person'>();
    }
    // @ts-expect-error getIdentity documents no 422
    isIdentityApiError(caught, 'getIdentity', 422);
    // @ts-expect-error no such operation
    isIdentityApiError(caught, 'getIdentities', 404);
    if (isApiError(caught, 500)) {
      expectTypeOf(caught.status).toEqualTypeOf<500>();
      expectTypeOf(caught.body).toEqualTypeOf<unknown>();
    }
  });
});
