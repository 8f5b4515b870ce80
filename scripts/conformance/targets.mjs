// Where a conformance run sends its requests, and with which credentials: the mocks (started here on free ports),
// or a deployment whose URL and credentials come from the same CONTRACT_* variables as the contract suite
// (tests/contract/support/targets.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The APIs, with the environment variables that point the run at a deployment of each. */
export const API_SETTINGS = {
  portabl: {
    urlVariable: 'CONTRACT_PORTABL_URL',
    credentialVariables: ['CONTRACT_PORTABL_CLIENT_ID', 'CONTRACT_PORTABL_CLIENT_SECRET'],
  },
  identity: { urlVariable: 'CONTRACT_IDENTITY_URL', credentialVariables: ['CONTRACT_IDENTITY_API_KEY'] },
};

/** Credentials the mocks accept; plainly fake (a mock checks only that one is present). */
export const MOCK_CREDENTIALS = {
  clientId: 'conformance-client',
  clientSecret: 'fake-client-secret-for-the-mock',
  apiKey: 'fake-api-key-for-the-mock',
};

/** A made-up credential of the right kind, for ignored_auth against targets that judge credential values. */
const WRONG = { portabl: 'Bearer conformance-made-up-token', identity: 'conformance-made-up-api-key' };

const bundles = new Map();

/** The committed bundle of an API, read once per process (treat it as read-only). */
export function loadBundle(api) {
  if (!bundles.has(api))
    bundles.set(api, JSON.parse(readFileSync(path.join(repoRoot, 'generated', api, 'openapi.json'), 'utf8')));
  return bundles.get(api);
}

/**
 * A Portabl access token from `POST /provider/token`.
 * @throws {Error} naming the status when the server refuses the client id and secret
 */
export async function portablToken(baseUrl, clientId, clientSecret, fetchImpl = fetch) {
  const response = await fetchImpl(`${baseUrl}/provider/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, clientSecret }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(
      `POST ${baseUrl}/provider/token answered ${response.status}: no access token, so Portabl cannot be tested (${text.slice(0, 200)})`,
    );
  const token = JSON.parse(text).accessToken;
  if (typeof token !== 'string' || token === '')
    throw new Error(`POST ${baseUrl}/provider/token answered 200 without an accessToken`);
  return token;
}

/**
 * The runner's view of one API at a base URL.
 * @param {'portabl' | 'identity'} api
 * @param {string} baseUrl
 * @param {{clientId?: string, clientSecret?: string, apiKey?: string}} credentials
 * @param {{wrongCredentials: boolean, stateful: boolean, fetch?: typeof fetch}} behaviour
 * @returns {Promise<import('./runner.mjs').ApiTarget>}
 */
export async function apiTarget(api, baseUrl, credentials, { wrongCredentials, stateful, fetch: fetchImpl = fetch }) {
  const doc = loadBundle(api);
  const credential =
    api === 'portabl'
      ? {
          header: 'authorization',
          value: `Bearer ${await portablToken(baseUrl, credentials.clientId, credentials.clientSecret, fetchImpl)}`,
          wrong: WRONG.portabl,
          variable: 'Bearer $PORTABL_ACCESS_TOKEN',
        }
      : { header: 'apikey', value: credentials.apiKey, wrong: WRONG.identity, variable: '$CONTRACT_IDENTITY_API_KEY' };
  return { name: api, doc, baseUrl: baseUrl.replace(/\/+$/, ''), credential, wrongCredentials, stateful };
}

/**
 * The deployment of `api` named by CONTRACT_* variables, or by `url` with the same credential variables.
 * @throws {Error} naming the missing or malformed variable
 */
export function deploymentSettings(api, env, url) {
  const { urlVariable, credentialVariables } = API_SETTINGS[api];
  const baseUrl = url ?? env[urlVariable];
  if (!baseUrl) throw new Error(`no URL for ${api}: set ${urlVariable} or pass --target <url> --api ${api}`);
  let parsed;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`"${baseUrl}" is not a URL: give the API's base URL, e.g. https://host/api/v1`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`"${baseUrl}" is not an http(s) URL`);
  const missing = credentialVariables.filter((v) => !env[v]);
  if (missing.length > 0) throw new Error(`${api} at ${baseUrl} needs credentials: set ${missing.join(' and ')}`);
  return api === 'portabl'
    ? {
        baseUrl,
        credentials: { clientId: env.CONTRACT_PORTABL_CLIENT_ID, clientSecret: env.CONTRACT_PORTABL_CLIENT_SECRET },
      }
    : { baseUrl, credentials: { apiKey: env.CONTRACT_IDENTITY_API_KEY } };
}
