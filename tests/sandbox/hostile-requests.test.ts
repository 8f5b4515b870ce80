// Hostile and malformed requests to every operation of both sandboxes: malformed percent-escapes, an oversized and a
// deeply nested body, wrong and malformed content types, bad query shapes, and unknown `Prefer` values. Each answer
// must be one the operation documents and valid against its schema (support/sandbox.ts checks every answer), the
// refusals must name what is wrong, and the sandbox must keep answering well-formed requests meanwhile. The
// hostile-request suite of the mocks (tests/contract/hostile-requests.test.ts) also runs against `npm run sandbox`;
// this file adds ids that exist and the message of each refusal.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationRule, operationRules } from '../../src/sandbox/operations.js';
import { BODY_LIMIT } from '../../src/sandbox/server.js';
import { sandboxSpecs } from '../../src/sandbox/specs.js';
import { apiNames } from '../support/bundles.js';
import { type ApiName, person, startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
const ids: Record<string, string> = {};
let headers: Record<ApiName, Record<string, string>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  const identity = (
    await sandbox.identity(
      'POST',
      '/identities',
      person({ documents: [{ side: 'FrontSide', type: 'Passport', url: 'https://documents.example.com/p.jpeg' }] }),
    )
  ).body.data;
  ids['id'] = identity.id;
  ids['identityId'] = identity.id;
  ids['witness'] = (await sandbox.identity('POST', '/identities', person())).body.data.id;
  ids['userId'] = randomUUID();
  await sandbox.portabl('PUT', `/provider/users/${ids['userId']}`, { settings: { isSyncOn: true } });
  ids['syncSessionId'] = (
    await sandbox.portabl('POST', `/provider/users/${ids['userId']}/sync-sessions`)
  ).body.syncSession.id;
  headers = {
    identity: { apikey: sandbox.credentials.identity[0]!.apiKey },
    portabl: { authorization: `Bearer ${await sandbox.token()}` },
  };
});
afterAll(() => sandbox.close());

const operations = apiNames.flatMap((api) =>
  operationRules(sandboxSpecs[api]).map((rule) => [`${api} ${rule.operationId}`, api, rule] as const),
);
/** The operation's path with ids that exist; a delete gets an identity of its own, so that the others keep theirs. */
async function concrete(rule: OperationRule): Promise<string> {
  const own =
    rule.operationId === 'deleteIdentity'
      ? (await sandbox.identity('POST', '/identities', person())).body.data.id
      : undefined;
  return rule.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    name === 'id' && rule.path.includes('documents') ? randomUUID() : (own ?? ids[name]!),
  );
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

interface Hostile {
  kind: string;
  path?: (path: string) => string;
  headers?: Record<string, string>;
  rawBody?: string;
  /** When the operation documents 400, the answer must be it and say this. */
  says?: RegExp;
  bodyOnly?: boolean;
  /** Only for operations that take no body. */
  noBodyOnly?: boolean;
}

const hostile: Hostile[] = [
  { kind: 'a malformed percent-escape in the path', path: (p) => `${p.replace(/[^/]+$/, '')}%E0%A4%A`, says: /./ },
  { kind: 'a malformed percent-escape in the query', path: (p) => `${p}?sort=%E0%A4%A`, says: /query parameter sort/ },
  { kind: 'an empty sort', path: (p) => `${p}?sort=`, says: /query parameter sort/ },
  { kind: 'filter=abc', path: (p) => `${p}?filter=abc`, says: /query parameter filter/ },
  { kind: 'page=abc', path: (p) => `${p}?page=abc`, says: /query parameter page/ },
  { kind: 'page[foo]=1', path: (p) => `${p}?page[foo]=1`, says: /query parameter page/ },
  { kind: 'filter nested deeper', path: (p) => `${p}?filter[email][like]=x`, says: /query parameter filter/ },
  { kind: 'a parameter sent twice', path: (p) => `${p}?sort=createdAt&sort=updatedAt`, says: /query parameter sort/ },
  {
    kind: 'a Prefer asking for a rehearsed answer',
    headers: { prefer: 'code=999, example=nope' },
    says: /header Prefer: code= .*only the mock/,
  },
  {
    kind: 'a body on an operation that takes none (GETs: in the contract suite, fetch sends no GET body)',
    rawBody: '{}',
    headers: { 'content-type': 'application/json' },
    noBodyOnly: true,
    says: /takes no request body/,
  },
  {
    kind: 'a malformed percent-escape in a filter value',
    path: (p) => `${p}?filter[email]=%E0%A4%A`,
    says: /query parameter filter\[email\]: holds a malformed percent-escape/,
  },
  {
    kind: 'an oversized body',
    rawBody: `{"name":"${'x'.repeat(BODY_LIMIT)}"}`,
    headers: { 'content-type': 'application/json' },
    says: /body: larger than/,
    bodyOnly: true,
  },
  {
    kind: 'a deeply nested body',
    rawBody: nested(5000),
    headers: { 'content-type': 'application/json' },
    says: /body/,
    bodyOnly: true,
  },
  {
    kind: 'invalid JSON',
    rawBody: '{"name":',
    headers: { 'content-type': 'application/json' },
    says: /body: is not valid JSON/,
    bodyOnly: true,
  },
  {
    kind: 'no content type',
    rawBody: '{}',
    headers: { 'content-type': '' },
    says: /body: sent with no content-type/,
    bodyOnly: true,
  },
  {
    kind: 'form encoding',
    rawBody: 'name=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    says: /content-type "application\/x-www-form-urlencoded"/,
    bodyOnly: true,
  },
  {
    kind: 'a malformed content type',
    rawBody: '{}',
    headers: { 'content-type': 'application/json;;;' },
    says: /content-type "application\/json;;;" is malformed/,
    bodyOnly: true,
  },
  {
    kind: 'an unlisted JSON media type',
    rawBody: '{}',
    headers: { 'content-type': 'application/vnd.api+json' },
    says: /application\/vnd\.api\+json/,
    bodyOnly: true,
  },
];

describe.each(operations)('%s: hostile requests', (_name, api, rule) => {
  it.each(
    hostile
      .filter((h) => (!h.bodyOnly || rule.body) && (!h.noBodyOnly || (!rule.body && rule.method !== 'get')))
      .map((h) => [h.kind, h] as const),
  )('%s: a documented, valid answer', async (_kind, h) => {
    const path = (h.path ?? ((p: string) => p))(await concrete(rule));
    const sent = sandbox.request(api, rule.method.toUpperCase(), path, {
      headers: { ...headers[api], ...h.headers },
      ...(h.rawBody !== undefined ? { rawBody: h.rawBody } : {}),
    });
    // A well-formed request sent meanwhile is answered.
    const meanwhile =
      api === 'identity'
        ? sandbox.identity('GET', `/identities/${ids['witness']}`)
        : sandbox.portabl('GET', `/provider/users/${ids['userId']}/settings`);
    const [reply, ok] = await Promise.all([sent, meanwhile]);
    expect(ok.status).toBe(200);
    expect(reply.status).toBeLessThan(500);
    if (h.says) {
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(h.says);
    }
  });
});

describe('hostile requests: what each kind is answered', () => {
  it('refuses bad query shapes on the list with 400 naming the parameter', async () => {
    for (const h of hostile.filter((x) => x.path && !x.kind.startsWith('a malformed percent-escape in the'))) {
      const reply = await sandbox.identity('GET', h.path!('/identities'));
      expect(reply.status, h.kind).toBe(400);
      expect(reply.body.message, h.kind).toMatch(h.says!);
    }
  });

  it('refuses every bad body on create with 400 validation_failed naming the body', async () => {
    for (const h of hostile.filter((x) => x.bodyOnly)) {
      const reply = await sandbox.request('identity', 'POST', '/identities', {
        headers: { ...headers.identity, ...h.headers },
        rawBody: h.rawBody!,
      });
      expect(reply.status, h.kind).toBe(400);
      expect(reply.body.code).toBe('validation_failed');
      expect(reply.body.message, h.kind).toMatch(h.says ?? /body/);
    }
  });

  it('answers a malformed escape in the path with 400 validation_failed', async () => {
    const reply = await sandbox.identity('GET', '/identities/%E0%A4%A');
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('validation_failed');
  });
});
