// What our mock answers where stock Prism misled partners (issue 10, items 4, 5 and 8): reasons from the branch the
// discriminator selects, each once, in one log line; an unknown Prefer value answered with what is documented; a
// 405 with Allow; dot segments not routed; every generated answer valid; `bearer` in any case; the company example
// for a company. Each test sends to a mock of the committed bundle started by this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPrism, startPrism } from '../../../scripts/mock/prism.mjs';
import { bundlePath } from '../../../scripts/mock.mjs';
import { APIKEY_HEADERS, COMPANY_BODY, PERSON_BODY } from '../../support/bodies.js';
import { type ApiName, apiNames, loadBundle, operationsOf, validatorFor } from '../../support/bundles.js';
import { mediaTypeSites } from '../../support/walk.js';
import { send } from '../support/private-mock.js';
import { documentedResponse } from '../support/spec-responses.js';

const BEARER = { authorization: 'Bearer fake-token-for-the-mock' };
const CREDENTIALS: Record<ApiName, Record<string, string>> = { portabl: BEARER, identity: APIKEY_HEADERS };
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';

const mocks = {} as Record<ApiName, RunningPrism>;
const logs: Record<ApiName, string[]> = { portabl: [], identity: [] };
beforeAll(async () => {
  for (const api of apiNames) {
    mocks[api] = await startPrism({
      name: api,
      document: bundlePath(api),
      logLevel: 'warn',
      log: { write: (line: string) => logs[api].push(line) },
    });
  }
});
afterAll(async () => {
  await Promise.all(Object.values(mocks).map((m) => m.close()));
});

describe('reasons a partner can act on (item 4)', () => {
  it("an invalid person: only the person branch's reasons, each once, and one log line naming method, path, status and reasons", async () => {
    logs.identity.length = 0;
    const { birthday: _birthday, ...person } = PERSON_BODY;
    const answer = await send(mocks.identity.url, 'POST', '/identities', { headers: APIKEY_HEADERS, body: person });
    expect(answer.status).toBe(400);
    const messages = answer.violations.map((v) => v.message);
    expect(messages).toEqual(["Request body must have required property 'birthday'"]);
    expect(logs.identity).toHaveLength(1);
    expect(logs.identity[0]).toMatch(
      /^\[identity\] warn +POST \/identities → 400 refused: body: Request body must have required property 'birthday'\n$/,
    );
  });

  it("an invalid company: only the company branch's reasons", async () => {
    const { identityOwner: _owner, ...company } = COMPANY_BODY;
    const answer = await send(mocks.identity.url, 'POST', '/identities', { headers: APIKEY_HEADERS, body: company });
    expect(answer.violations.map((v) => v.message)).toEqual([
      "Request body must have required property 'identityOwner'",
    ]);
  });
});

describe('answers that cannot be mistaken for documented ones (item 5)', () => {
  it('Prefer: example=<typo> answers 400 validation_failed naming the documented examples, not a 404', async () => {
    const answer = await send(mocks.identity.url, 'GET', `/identities/${ID}`, {
      headers: { ...APIKEY_HEADERS, prefer: 'example=persn' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/example="persn".*200 person, 200 company/),
    });
  });

  it('Prefer: code=418 answers 400 validation_failed naming the documented statuses', async () => {
    const answer = await send(mocks.identity.url, 'GET', `/identities/${ID}`, {
      headers: { ...APIKEY_HEADERS, prefer: 'code=418' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('its statuses: 200, 400, 401, 404, 429, 500'),
    });
  });

  it("a method the path does not have: 405 with Allow listing the path's methods", async () => {
    const response = await fetch(`${mocks.identity.url}/identities`, { method: 'PUT', headers: APIKEY_HEADERS });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
  });

  it.each(['/identities/.%2e/identities', '/identities/%2e%2E/identities', '/identities/./'])(
    'a path with a dot segment is not routed: %s → 404',
    async (path) => {
      const { request } = await import('node:http');
      const url = new URL(mocks.identity.url);
      const status = await new Promise<number>((resolve, reject) => {
        request({ host: url.hostname, port: url.port, path, headers: APIKEY_HEADERS }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(404);
    },
  );

  // Each operation, with a valid request, asked for a generated body four times: every answer valid against the spec.
  const operations = apiNames.flatMap((api) => operationsOf(api).map((op) => [api, op] as const));
  it.for(operations.map(([api, op]) => [`${api} ${op.operation.operationId}`, api, op] as const))(
    'Prefer: dynamic=true, %s: every answer documented and valid',
    async ([, api, op]) => {
      const site = mediaTypeSites(loadBundle(api)).find(
        (s) => s.operationId === op.operation.operationId && s.where.startsWith('request '),
      );
      const body = site?.examples[0]?.value;
      const path = op.path.replace(/\{[^}]+\}/g, ID);
      for (let i = 0; i < 4; i++) {
        const answer = await send(mocks[api].url, op.method.toUpperCase(), path, {
          headers: { ...CREDENTIALS[api], prefer: 'dynamic=true' },
          body,
        });
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
        const documented = documentedResponse(api, op.operation.operationId, answer.status);
        expect(documented).toBeDefined();
        if (documented?.body)
          expect(validatorFor(api).validate(documented.body.schemaPointer, answer.body)).toEqual([]);
      }
    },
  );
});

describe('small things partners hit (item 8)', () => {
  it.each(['bearer', 'BEARER', 'Bearer'])(
    'Authorization: %s <token> is accepted (the scheme is case-insensitive, RFC 9110 11.1)',
    async (scheme) => {
      const answer = await send(mocks.portabl.url, 'GET', '/provider/users', {
        headers: { authorization: `${scheme} fake-token-for-the-mock` },
      });
      expect(answer.status).toBe(200);
    },
  );

  it.each([
    ['company', COMPANY_BODY],
    ['person', PERSON_BODY],
  ] as const)('a valid %s create answers the example of that type', async (type, body) => {
    const answer = await send(mocks.identity.url, 'POST', '/identities', { headers: APIKEY_HEADERS, body });
    expect(answer.status).toBe(200);
    expect((answer.body as { data: { type: string } }).data.type).toBe(type);
  });
});
