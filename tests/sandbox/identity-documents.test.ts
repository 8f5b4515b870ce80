// Documents stored with an identity get an id the client can discover (the stored identity's `documents`, as the
// spec states) and a presigned URL that the sandbox itself serves until it expires on the sandbox clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSpecs } from '../../src/sandbox/specs.js';
import { person, startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const ttl: number = (sandboxSpecs.identity as any)['x-sandbox'].presignedUrlTtlSeconds;
const documents = [
  { side: 'FrontSide', type: 'IdentityCard', url: 'https://documents.example.com/front.jpeg', label: 'id card' },
  { side: 'BackSide', type: 'IdentityCard', url: 'https://documents.example.com/back.jpeg' },
];

describe('Identities sandbox: documents', () => {
  it('gives each stored document an id, shown in the identity', async () => {
    const identity = (await sandbox.identity('POST', '/identities', person({ documents }))).body.data;
    expect(identity.documents).toEqual(documents.map((d) => ({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...d })));
    expect(new Set(identity.documents.map((d: any) => d.id)).size).toBe(2);
  });

  it("answers a presigned URL the sandbox serves until the spec's TTL passes on the sandbox clock, then 403", async () => {
    const identity = (await sandbox.identity('POST', '/identities', person({ documents }))).body.data;
    const document = identity.documents[1];
    const presign = await sandbox.identity('GET', `/identities/${identity.id}/documents/${document.id}/presign-url`);
    expect(presign.status).toBe(200);
    const url: string = presign.body.data.url;
    expect(url.startsWith(sandbox.urls.identity)).toBe(true);
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(await served.json()).toMatchObject({ identityId: identity.id, document });
    sandbox.clock.advance(ttl * 1000 - 1000);
    expect((await fetch(url)).status).toBe(200);
    sandbox.clock.advance(1000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect((await expired.json()).code).toBe('url_expired');
  });

  it('refuses a presigned URL whose grant was altered: 403', async () => {
    const identity = (await sandbox.identity('POST', '/identities', person({ documents }))).body.data;
    const url: string = (
      await sandbox.identity('GET', `/identities/${identity.id}/documents/${identity.documents[0].id}/presign-url`)
    ).body.data.url;
    const [payload, signature] = url.split('/').pop()!.split('.') as [string, string];
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString());
    grant[3] += 86_400;
    const altered = url.replace(payload, Buffer.from(JSON.stringify(grant)).toString('base64url'));
    expect(altered).toContain(signature);
    expect((await fetch(altered)).status).toBe(403);
  });

  it('answers 404 for a document id the identity does not have', async () => {
    const identity = (await sandbox.identity('POST', '/identities', person({ documents }))).body.data;
    const other = (await sandbox.identity('POST', '/identities', person({ documents }))).body.data;
    const reply = await sandbox.identity(
      'GET',
      `/identities/${identity.id}/documents/${other.documents[0].id}/presign-url`,
    );
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('identity_not_found');
  });

  it('replaces the documents on update, each new one with a new id', async () => {
    const identity = (await sandbox.identity('POST', '/identities', person({ documents }))).body.data;
    const updated = (await sandbox.identity('PATCH', `/identities/${identity.id}`, { documents: [documents[0]] })).body
      .data;
    expect(updated.documents).toHaveLength(1);
    expect(updated.documents[0].id).not.toBe(identity.documents[0].id);
  });
});
