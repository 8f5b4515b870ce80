// The JSON every benchmark target answers and sends, taken from the bundled specs' examples (the same choice as
// the mock and @kyc-contracts/sdk/msw: lowest 2xx, first example), so each server answers the same bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveRef } from '../../src/openapi/document.js';
import { repoRoot } from '../apis.mjs';

/**
 * The URL of a module of the built package (dist/, which `npm run bench` builds first), so that the benchmarks
 * measure what a caller loads. Imported by URL rather than by a literal path so that the scripts' type check does
 * not depend on dist/ being there (other test runs rebuild it); callers type the module by its source.
 * @param {string} file relative to dist/, e.g. `src/identity/index.js`
 * @returns {string}
 */
export const builtModule = (file) => pathToFileURL(path.join(repoRoot, 'dist', file)).href;

const { chooseAnswer, mockOperations } = /** @type {typeof import('../../src/msw/spec-answers.js')} */ (
  await import(builtModule('src/msw/spec-answers.js'))
);

const load = (api) => JSON.parse(readFileSync(path.join(repoRoot, 'generated', api, 'openapi.json'), 'utf8'));
const documents = { portabl: load('portabl'), identity: load('identity') };
const tables = Object.fromEntries(
  Object.entries(documents).map(([api, doc]) => [api, new Map(mockOperations(doc).map((o) => [o.operationId, o]))]),
);

/**
 * The default answer's example body of an operation: JSON whose shape is the spec's, read by property below.
 * @param {string} api
 * @param {string} operationId
 * @returns {any}
 */
export function answerOf(api, operationId) {
  const operation = tables[api].get(operationId);
  if (!operation) throw new Error(`${api} has no operation ${operationId}`);
  return chooseAnswer(operation).example?.value;
}

/** The request body example named `name` of an operation. */
export function requestExampleOf(api, method, pathTemplate, name) {
  const doc = documents[api];
  const body = resolveRef(doc, doc.paths[pathTemplate][method].requestBody);
  const example = body?.content?.['application/json']?.examples?.[name];
  const value = resolveRef(doc, example)?.value;
  if (value === undefined) throw new Error(`${api} ${method} ${pathTemplate}: no request example ${name}`);
  return value;
}

export const IDENTITY_ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
export const USER_ID = '4c0ac449-135d-45c8-81f3-a8e96a508c2b';
export const API_KEY = 'bench-fake-api-key';
export const CLIENT = { clientId: 'bench-fake-client-id', clientSecret: 'bench-fake-client-secret' };

export const fixtures = {
  identity: answerOf('identity', 'getIdentity'),
  created: answerOf('identity', 'createIdentity'),
  createBody: requestExampleOf('identity', 'post', '/identities', 'person'),
  token: answerOf('portabl', 'createAccessToken'),
  claims: answerOf('portabl', 'getUserClaims'),
};

/** `{ total, data }` with `count` identities: the person example with its id varied. */
export function identityList(count) {
  const person = fixtures.identity.data;
  const data = Array.from({ length: count }, (_, i) => ({
    ...person,
    id: `${person.id.slice(0, 24)}${String(i).padStart(12, '0')}`,
  }));
  return { total: count, data };
}

const json = (value) => Buffer.from(JSON.stringify(value));

/**
 * What the bare target answers (serve-target.mjs), and the in-memory fetch of memory-fetch.mjs too, by method and
 * path: the same bytes either way.
 * @type {[method: string, path: RegExp, body: Buffer][]}
 */
export const ROUTES = [
  ['POST', /^\/provider\/token$/, json(fixtures.token)],
  ['GET', /^\/provider\/users\/[^/]+\/claims$/, json(fixtures.claims)],
  ['GET', /^\/identities\/[^/]+$/, json(fixtures.identity)],
  ['POST', /^\/identities$/, json(fixtures.created)],
];

/** The body the bare target answers to `method` `pathname` (list sizes aside); undefined for a 404. */
export const routeBody = (method, pathname) => ROUTES.find(([m, re]) => m === method && re.test(pathname))?.[2];
