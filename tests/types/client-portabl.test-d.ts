// Compile-time guarantees of the Portabl client: a wrong path, method, body or parameter does not compile,
// and responses carry the spec's types.
import { describe, expectTypeOf, it } from 'vitest';
import { type components, createPortablClient, decodeInvitation } from '../../src/portabl/index.js';

/** A schema type as openapi-fetch hands it over: an allOf intersection flattened into one object type. */
type Flat<T> = { [K in keyof T]: T[K] };

const portabl = createPortablClient({ clientId: 'id', clientSecret: 'secret' });
const userId = '4c0ac449-135d-45c8-81f3-a8e96a508c2b';

describe('Portabl client types', () => {
  it('types responses by the spec', async () => {
    const { data } = await portabl.GET('/provider/users/{userId}/claims', { params: { path: { userId } } });
    expectTypeOf(data).toEqualTypeOf<Flat<components['schemas']['UserClaims']> | undefined>();
    const created = await portabl.POST('/provider/users/{userId}/sync-sessions', { params: { path: { userId } } });
    expectTypeOf(created.data?.invitationUrl).toEqualTypeOf<string | undefined>();
  });

  it('rejects a path the spec does not have', () => {
    // @ts-expect-error no such path
    void portabl.GET('/provider/user');
    // @ts-expect-error the path template must be written as in the spec
    void portabl.GET('/provider/users/123/settings');
  });

  it('rejects a method the path does not have', () => {
    // @ts-expect-error /provider/users has no DELETE
    void portabl.DELETE('/provider/users');
    // @ts-expect-error the token operation is POST only
    void portabl.GET('/provider/token');
  });

  it('rejects a wrong body', () => {
    void portabl.PUT('/provider/users/{userId}/settings', {
      params: { path: { userId } },
      // @ts-expect-error isSyncOn is a boolean, not the document's "boolean" placeholder
      body: { settings: { isSyncOn: 'boolean' } },
    });
    // @ts-expect-error the body is required
    void portabl.PUT('/provider/users/{userId}/settings', { params: { path: { userId } } });
    // @ts-expect-error claims are nested under `claims`
    void portabl.PUT('/provider/users/{userId}/claims', { params: { path: { userId } }, body: { firstName: 'Liz' } });
  });

  it('rejects wrong or missing parameters', () => {
    // @ts-expect-error the path parameter is missing
    void portabl.GET('/provider/users/{userId}/settings', { params: { path: {} } });
    // @ts-expect-error the path parameter is misnamed
    void portabl.GET('/provider/users/{userId}/settings', { params: { path: { id: userId } } });
    // @ts-expect-error listUsers takes no query
    void portabl.GET('/provider/users', { params: { query: { page: 1 } } });
  });

  it('rejects wrong options', () => {
    // @ts-expect-error clientSecret is required
    createPortablClient({ clientId: 'id' });
    // @ts-expect-error the Identities API's server name is not a Portabl one
    createPortablClient({ clientId: 'id', clientSecret: 's', server: 'sandbox' });
  });

  it('types the decoded invitation by the spec', () => {
    expectTypeOf(decodeInvitation('https://x.test/?_oob=e30')).toEqualTypeOf<
      components['schemas']['OutOfBandInvitation']
    >();
  });
});
