// Hostile requests, one of each kind a partner's mistake or a fuzzer sends (malformed escapes, oversized and deeply
// nested bodies, bad content types, bad query shapes, unknown Prefer values), built for EVERY operation of an API
// from its bundle, and the judgement of each answer: documented for that operation and valid against its schema.
// Target-independent: the test gives a factory that starts whatever serves the APIs (our mocks here, the sandbox
// later), so the same requests judge every server.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiName, apiNames, operationsOf, validatorFor } from '../../support/bundles.js';
import { documentedResponse } from './spec-responses.js';

/** Something that serves both APIs on loopback, started for a test and stopped by it. */
export interface HostileTarget {
  urls: Record<ApiName, string>;
  /** Headers that carry a credential of the right kind for each API. */
  credentials: Record<ApiName, Record<string, string>>;
  /** False once the serving process has ended (it must not). */
  alive(): boolean;
  close(): Promise<void>;
}

export type HostileTargetFactory = () => Promise<HostileTarget>;

export interface HostileRequest {
  api: ApiName;
  operationId: string;
  kind: string;
  method: string;
  /** Path and query exactly as sent on the wire (never normalised). */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface HostileAnswer {
  status: number;
  contentType: string | undefined;
  text: string;
}

const MALFORMED = '%E0%A4%A';
const TWO_MEGABYTES_OF_INTEGERS = Buffer.from(
  `{"faceImages":[${Array.from({ length: 1_000_000 }, () => '1').join(',')}]}`,
);
const DEEPLY_NESTED = Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);

/** The operation's path with every parameter filled by a well-formed uuid, or by `fill` for the first one. */
function concretePath(template: string, fill?: string): string {
  let first = true;
  return template.replace(/\{[^}]+\}/g, () => {
    const value = first && fill !== undefined ? fill : '38882f21-ce8f-4e18-8b83-e43e082912ef';
    first = false;
    return value;
  });
}

/** One request of each hostile kind for every operation of `api`. */
export function hostileRequests(api: ApiName, credential: Record<string, string>): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const { method, path, operation } of operationsOf(api)) {
    const operationId: string = operation.operationId;
    const M = method.toUpperCase();
    const json = { ...credential, 'content-type': 'application/json' };
    const add = (kind: string, target: string, headers: Record<string, string>, body?: Buffer) =>
      requests.push({ api, operationId, kind, method: M, target, headers, ...(body ? { body } : {}) });
    // A malformed escape can only be one operation's when it fills a path parameter; in a literal segment the path
    // is no operation's (404), which the query's escape covers for operations without parameters.
    if (path.includes('{')) add('malformed escape in the path', concretePath(path, '%'), credential);
    add('malformed escape in the query', `${concretePath(path)}?filter[email]=${MALFORMED}`, credential);
    add('2 MB body of a million integers', concretePath(path), json, TWO_MEGABYTES_OF_INTEGERS);
    add('body nested 100,000 levels deep', concretePath(path), json, DEEPLY_NESTED);
    add(
      'form-encoded body (curl -d default)',
      concretePath(path),
      { ...credential, 'content-type': 'application/x-www-form-urlencoded' },
      Buffer.from('name=Ana'),
    );
    add(
      'malformed Content-Type',
      concretePath(path),
      { ...credential, 'content-type': 'application/json;;;' },
      Buffer.from('{}'),
    );
    add(
      'unlisted media type',
      concretePath(path),
      { ...credential, 'content-type': 'application/vnd.api+json' },
      Buffer.from('{}'),
    );
    add('invalid JSON', concretePath(path), json, Buffer.from('{"type": '));
    add(
      'bad query shapes',
      `${concretePath(path)}?sort=&filter=abc&page=abc&page[foo]=1&filter[colour]=red`,
      credential,
    );
    add('unknown Prefer example', concretePath(path), { ...credential, prefer: 'example=typo' });
    add('undocumented Prefer code', concretePath(path), { ...credential, prefer: 'code=418' });
    add('unreadable Prefer dynamic', concretePath(path), { ...credential, prefer: 'dynamic=maybe' });
  }
  return requests;
}

/** Sends one request as it is (Node's http, so that nothing normalises the path), and reads the whole answer. */
export function sendRaw(
  baseUrl: string,
  r: Pick<HostileRequest, 'method' | 'target' | 'headers' | 'body'>,
): Promise<HostileAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.target,
        headers: { ...r.headers, ...(r.body ? { 'content-length': String(r.body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

/** What is wrong with an answer for `operationId` ([] when it is documented and valid against its schema). */
export function judgeAnswer(api: ApiName, operationId: string, answer: HostileAnswer): string[] {
  const documented = documentedResponse(api, operationId, answer.status);
  if (!documented) return [`${answer.status} is not documented for ${operationId}: ${answer.text.slice(0, 200)}`];
  if (!documented.body)
    return answer.text === '' ? [] : [`${answer.status} documents no body, got ${answer.text.slice(0, 100)}`];
  if (!answer.contentType?.startsWith(documented.body.mediaType))
    return [`content type ${answer.contentType}, documented ${documented.body.mediaType}`];
  let value: unknown;
  try {
    value = JSON.parse(answer.text);
  } catch {
    return [`the ${answer.status} body is not JSON: ${answer.text.slice(0, 100)}`];
  }
  return validatorFor(api)
    .validate(documented.body.schemaPointer, value)
    .map((issue) => `${answer.status} body ${issue.path || '/'} ${issue.message}`);
}

/** A request every operation list has: the first GET without path parameters (a well-formed one). */
export function wellFormedProbe(api: ApiName, credential: Record<string, string>) {
  const probe = operationsOf(api).find((op) => op.method === 'get' && !op.path.includes('{'));
  if (!probe) throw new Error(`${api} has no GET without path parameters to probe with`);
  return { operationId: probe.operation.operationId as string, method: 'GET', target: probe.path, headers: credential };
}

/** How many hostile requests are in flight at once: a crowd of bad clients, not a connection flood. */
const HOSTILE_IN_FLIGHT = 12;

/**
 * The hostile-request suite against the target a factory starts: every request of hostileRequests() for both APIs
 * is sent, twelve at a time, while well-formed requests to each API must each be answered within a second; the
 * serving process must stay up, and every answer must be documented for its operation and valid against its schema.
 */
export function describeHostileRequests(title: string, startTarget: HostileTargetFactory): void {
  describe(title, () => {
    let target: HostileTarget;
    beforeAll(async () => {
      target = await startTarget();
    });
    afterAll(async () => {
      await target?.close();
    });

    it('every hostile request to every operation gets an answer documented for it, valid against its schema; the server stays up and answers well-formed requests within a second meanwhile', async () => {
      const requests = apiNames.flatMap((api) => hostileRequests(api, target.credentials[api]));
      // The well-formed request once before the burst: what is measured is the burst's effect, not a cold start
      // (Prism compiles an operation's validators on its first request).
      for (const api of apiNames)
        expect((await sendRaw(target.urls[api], wellFormedProbe(api, target.credentials[api]))).status).toBeLessThan(
          300,
        );
      // Twelve hostile requests in flight at any time, in the order built (each operation's kinds in turn, so that
      // large bodies keep arriving throughout), while each API is sent one well-formed request after another until
      // the last hostile one is answered: every one of those must be answered promptly.
      const queue = [...requests];
      const answered: { r: HostileRequest; answer: HostileAnswer }[] = [];
      let finished = false;
      const workers = Array.from({ length: HOSTILE_IN_FLIGHT }, async () => {
        for (let r = queue.shift(); r; r = queue.shift())
          answered.push({ r, answer: await sendRaw(target.urls[r.api], r) });
      });
      const hostile = Promise.all(workers).finally(() => (finished = true));
      const probes = apiNames.map(async (api) => {
        const probe = wellFormedProbe(api, target.credentials[api]);
        const times: { ms: number; answer: HostileAnswer }[] = [];
        do {
          const started = performance.now();
          const answer = await sendRaw(target.urls[api], probe);
          times.push({ ms: performance.now() - started, answer });
        } while (!finished);
        return { api, probe, times };
      });
      await hostile;
      const probed = await Promise.all(probes);

      const wrong = answered.flatMap(({ r, answer }) =>
        judgeAnswer(r.api, r.operationId, answer).map((problem) => `${r.api} ${r.operationId}, ${r.kind}: ${problem}`),
      );
      // Each kind is a refusal; an answer of another status would be a request the server took as valid.
      const notRefused = answered
        .filter(({ answer }) => answer.status !== 400)
        .map(({ r, answer }) => `${r.api} ${r.operationId}, ${r.kind}: ${answer.status} ${answer.text.slice(0, 120)}`);
      expect(wrong).toEqual([]);
      expect(notRefused).toEqual([]);
      expect(answered).toHaveLength(requests.length);
      expect(requests.length).toBeGreaterThanOrEqual(apiNames.length * 11);
      console.log(
        `${requests.length} hostile requests; well-formed requests meanwhile: ${probed
          .map(
            ({ api, times }) =>
              `${api} ${times.length}, slowest ${Math.round(Math.max(...times.map((t) => t.ms)))} ms [${times.map((t) => Math.round(t.ms)).join(' ')}]`,
          )
          .join('; ')}`,
      );
      for (const { api, probe, times } of probed) {
        for (const { answer } of times) {
          expect(judgeAnswer(api, probe.operationId, answer), `${api} ${probe.operationId}`).toEqual([]);
          expect(answer.status, `${api} ${probe.operationId}`).toBeLessThan(300);
        }
        const slowest = Math.max(...times.map((t) => t.ms));
        expect(
          slowest,
          `${api} ${probe.operationId}: slowest of ${times.length} answered in ${Math.round(slowest)} ms`,
        ).toBeLessThan(1000);
      }
      expect(target.alive()).toBe(true);
    });
  });
}
