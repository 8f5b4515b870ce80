// Compile-time guarantees of @kyc-contracts/sdk/msw: answers named by operation, statuses and bodies by the spec.
import { describe, expectTypeOf, it } from 'vitest';
import type { operations } from '../../generated/identity/schema.js';
import type { components } from '../../src/identity/index.js';
import { type DocumentedBody, type DocumentedStatus, identityHandler, identityHandlers } from '../../src/msw/index.js';

describe('@kyc-contracts/sdk/msw types', () => {
  it("knows each operation's documented statuses and bodies", () => {
    expectTypeOf<DocumentedStatus<operations['deleteIdentity']>>().toEqualTypeOf<204 | 400 | 401 | 404 | 429 | 500>();
    expectTypeOf<DocumentedBody<operations['getIdentity'], 404>>().toEqualTypeOf<
      components['schemas']['Error'] & { code: 'identity_not_found' }
    >();
    expectTypeOf<DocumentedBody<operations['deleteIdentity'], 204>>().toEqualTypeOf<undefined>();
  });

  it('accepts documented answers and refuses others', () => {
    void identityHandler('getIdentity', { status: 404, body: { code: 'identity_not_found', message: 'none' } });
    void identityHandlers({ answers: { createIdentity: { example: 'company' }, deleteIdentity: { status: 404 } } });
    // @ts-expect-error deleteIdentity documents no 200
    void identityHandler('deleteIdentity', { status: 200 });
    // @ts-expect-error a 404 body is an Error, not an identity
    void identityHandler('getIdentity', { status: 404, body: { data: { id: 'x' } } });
    // @ts-expect-error a body needs the status it belongs to
    void identityHandler('getIdentity', { body: { code: 'identity_not_found' } });
  });
});
