import { describe, expect, it } from 'vitest';
import {
  ApiError,
  apiErrorOf,
  createIdentityClient,
  isApiError,
  isIdentityApiError,
} from '../../src/identity/index.js';
import { isPortablApiError, unwrap } from '../../src/portabl/index.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../support/fake-portabl.js';

const notFound = { code: 'identity_not_found', message: 'No identity has this id.' };
const id = '0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11';

function identityAnswering(response: () => Response) {
  const fetch = fakeFetch(response);
  return createIdentityClient({ apiKey: 'fake-api-key-for-tests', baseUrl: BASE_URL, fetch, retry: false });
}

describe('unwrap and ApiError', () => {
  it('unwrap returns the data of a success', async () => {
    const server = fakePortabl({ api: () => json({ isSyncOn: true }) });
    expect(unwrap(await server.client().GET('/provider/users/{userId}/settings', settingsPath))).toEqual({
      isSyncOn: true,
    });
  });

  it('unwrap returns undefined for a success without a body (202)', async () => {
    const server = fakePortabl({ api: () => new Response(null, { status: 202 }) });
    const result = await server
      .client()
      .POST('/provider/sync-sessions/{syncSessionId}/start', { params: { path: { syncSessionId: id } } });
    expect(unwrap(result)).toBeUndefined();
  });

  it('throws ApiError with status, code, body, operationId and headers', async () => {
    const identity = identityAnswering(() => json(notFound, 404, { 'x-request-id': 'req-123' }));
    let error: unknown;
    try {
      unwrap(await identity.GET('/identities/{id}', { params: { path: { id } } }));
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.code).toBe('identity_not_found');
    expect(apiError.body).toEqual(notFound);
    expect(apiError.operation).toBe('getIdentity');
    expect(apiError.headers.get('x-request-id')).toBe('req-123');
    expect(apiError.message).toBe('getIdentity failed with HTTP 404 (identity_not_found): No identity has this id.');
  });

  it('treats an error answer without a body as an error (openapi-fetch leaves `error` undefined)', async () => {
    const identity = identityAnswering(() => new Response(null, { status: 503, headers: { 'content-length': '0' } }));
    const result = await identity.DELETE('/identities/{id}', { params: { path: { id } } });

    expect(result.error).toBeUndefined();
    expect(() => unwrap(result)).toThrow('deleteIdentity failed with HTTP 503');
  });

  it('quotes a text body, shortened, when the body is not the Error schema', async () => {
    const identity = identityAnswering(() => new Response(`<html>${'x'.repeat(1000)}</html>`, { status: 502 }));
    const error = apiErrorOf(await identity.GET('/identities'));

    expect(error?.code).toBeUndefined();
    expect(error?.message.length).toBeLessThan(400);
    expect(error?.message).toMatch(/^listIdentities failed with HTTP 502: <html>x+…$/);
  });

  it('apiErrorOf is undefined for a success', async () => {
    const identity = identityAnswering(() => json({ data: [] }));
    expect(apiErrorOf(await identity.GET('/identities/{id}/operations', { params: { path: { id } } }))).toBeUndefined();
  });

  it('guards check the status, and the operation', async () => {
    const identity = identityAnswering(() => json(notFound, 404));
    const error = apiErrorOf(await identity.GET('/identities/{id}', { params: { path: { id } } }));

    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 404)).toBe(true);
    expect(isApiError(error, 400)).toBe(false);
    expect(error?.is(404)).toBe(true);
    expect(isIdentityApiError(error, 'getIdentity', 404)).toBe(true);
    expect(isIdentityApiError(error, 'deleteIdentity', 404)).toBe(false);
    expect(isIdentityApiError(error, 'getIdentity')).toBe(true);
    expect(isPortablApiError(error, 'getUserSettings')).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
  });
});
