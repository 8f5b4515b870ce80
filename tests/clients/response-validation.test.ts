import { describe, expect, it } from 'vitest';
import { createIdentityClient } from '../../src/identity/index.js';
import { ResponseValidationError } from '../../src/portabl/index.js';
import { loadBundle } from '../support/bundles.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../support/fake-portabl.js';

async function rejectionOf(work: Promise<unknown>): Promise<ResponseValidationError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseValidationError);
  return error as ResponseValidationError;
}

const identityExample = (name: string) => loadBundle('identity').components?.['examples']?.[name]?.value;

describe('validateResponses: true', () => {
  it('returns a body that matches the spec as usual', async () => {
    const server = fakePortabl({ api: () => json({ isSyncOn: true }) });

    const { data } = await server
      .client({ validateResponses: true })
      .GET('/provider/users/{userId}/settings', settingsPath);

    expect(data).toEqual({ isSyncOn: true });
  });

  it('throws naming operation, status and the JSON path when a success body is wrong', async () => {
    const server = fakePortabl({ api: () => json({ isSyncOn: 'boolean' }) }); // the document's placeholder, as a real server might send

    const error = await rejectionOf(
      server.client({ validateResponses: true }).GET('/provider/users/{userId}/settings', settingsPath),
    );

    expect(error.operation).toBe('getUserSettings');
    expect(error.status).toBe(200);
    expect(error.issues).toEqual([{ path: '/isSyncOn', message: 'must be boolean {"type":"boolean"}' }]);
    expect(error.message).toBe(
      'getUserSettings answered HTTP 200 with a body that does not match the spec: /isSyncOn must be boolean {"type":"boolean"}',
    );
  });

  it('checks error bodies against the status they came with (a shared $ref response)', async () => {
    const server = fakePortabl({ api: () => json({ code: 404, message: 'not found' }, 404) });

    const error = await rejectionOf(
      server.client({ validateResponses: true }).GET('/provider/users/{userId}/settings', settingsPath),
    );

    expect(error.status).toBe(404);
    expect(error.issues).toEqual([{ path: '/code', message: 'must be string {"type":"string"}' }]);
  });

  it('rejects a status the operation does not document', async () => {
    const server = fakePortabl({ api: () => json({ code: 'teapot', message: 'I am a teapot' }, 418) });

    const error = await rejectionOf(
      server.client({ validateResponses: true }).GET('/provider/users/{userId}/settings', settingsPath),
    );

    expect(error.message).toBe(
      'getUserSettings answered HTTP 418 with a body that does not match the spec: (body) status 418 is not documented for this operation',
    );
  });

  it('rejects a body where the spec documents none (202 of startSyncSession)', async () => {
    const server = fakePortabl({ api: () => json({ started: true }, 202) });
    const portabl = server.client({ validateResponses: true });

    const error = await rejectionOf(
      portabl.POST('/provider/sync-sessions/{syncSessionId}/start', {
        params: { path: { syncSessionId: 'add04a97-161b-448a-9b89-10ae5b220c26' } },
      }),
    );

    expect(error.operation).toBe('startSyncSession');
    expect(error.issues).toEqual([
      { path: '', message: 'the spec documents no body for this status, but one was sent' },
    ]);
  });

  it('rejects a content type the spec does not document', async () => {
    const server = fakePortabl({
      api: () => new Response('<html>gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    });

    const error = await rejectionOf(
      server.client({ validateResponses: true }).GET('/provider/users/{userId}/settings', settingsPath),
    );

    expect(error.issues[0]?.message).toBe('content-type "text/html" is not one the spec documents (application/json)');
  });

  it('names a deep path in an Identities list, and accepts the spec example', async () => {
    const page = identityExample('IdentityListPage') as { total: number; data: Record<string, unknown>[] };
    const broken = { ...page, data: [{ ...page.data[0], email: 'not-an-email' }] };
    let body: unknown = page;
    const fetch = fakeFetch(() => json(body));
    const identity = createIdentityClient({
      apiKey: 'fake-api-key-for-tests',
      baseUrl: BASE_URL,
      fetch,
      validateResponses: true,
    });

    expect((await identity.GET('/identities')).data).toEqual(page);
    body = broken;
    const error = await rejectionOf(identity.GET('/identities'));

    expect(error.operation).toBe('listIdentities');
    expect(error.issues.map((i) => i.path)).toContain('/data/0/email');
  });

  it('validates nothing unless asked', async () => {
    const server = fakePortabl({ api: () => json({ isSyncOn: 'boolean' }) });

    const { data } = await server.client().GET('/provider/users/{userId}/settings', settingsPath);

    expect(data).toEqual({ isSyncOn: 'boolean' });
  });
});
