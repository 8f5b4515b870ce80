// curl samples for every operation, beside the TypeScript ones: the same example values (path and query parameters,
// request body) sent with curl to the spec's first server, the credential left to an environment variable.

import { resolveRef } from '../../src/openapi/document.js';
import { bodyFor, paramsFor } from './code-samples.mjs';

export const CURL_LABEL = 'curl';

/** The credential headers an operation needs, each as `[name, value]` with the value given by `credentials`. */
function credentialHeaders(doc, operation, credentials) {
  const requirements = operation.security ?? doc.security ?? [];
  const headers = [];
  for (const name of Object.keys(requirements[0] ?? {})) {
    const scheme = resolveRef(doc, doc.components?.securitySchemes?.[name]);
    if (scheme?.type === 'http' && /^bearer$/i.test(scheme.scheme))
      headers.push(['Authorization', `Bearer ${credentials.bearer}`]);
    else if (scheme?.type === 'apiKey' && scheme.in === 'header') headers.push([scheme.name, credentials.apiKey]);
  }
  return headers;
}

/** `filter[email]=like%3A...`: a query parameter's example in its style (deepObject or form). */
function queryPairs(parameter, value) {
  if (parameter.style === 'deepObject' && value && typeof value === 'object') {
    return Object.entries(value).map(([key, v]) => `${parameter.name}[${key}]=${encodeURIComponent(String(v))}`);
  }
  if (Array.isArray(value)) return value.map((v) => `${parameter.name}=${encodeURIComponent(String(v))}`);
  return [`${parameter.name}=${encodeURIComponent(String(value))}`];
}

/**
 * The curl arguments for one operation: method, URL (base URL + path with its example parameters + query),
 * credential, content type and body.
 * @param {object} doc    the bundled document
 * @param {{method: string, path: string, operation: object, parameters: object[]}} entry  from operationsOf(doc)
 * @param {string} baseUrl  e.g. the spec's first server, or a mock's URL
 * @param {{bearer: string, apiKey: string}} credentials  what the credential headers carry
 * @returns {string[]} arguments after `curl`
 * @example curlArguments(doc, entry, 'http://127.0.0.1:4011', {bearer: 't', apiKey: 'k'})
 */
export function curlArguments(doc, entry, baseUrl, credentials) {
  const params = paramsFor(doc, entry);
  const path = entry.path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(params.path?.[name])));
  const query = entry.parameters
    .filter((p) => p.in === 'query' && params.query?.[p.name] !== undefined)
    .flatMap((p) => queryPairs(p, params.query[p.name]));
  const url = `${baseUrl.replace(/\/$/, '')}${path}${query.length ? `?${query.join('&')}` : ''}`;
  // curl reads `[...]` in a URL as a glob: deepObject parameters (`filter[email]`) need --globoff.
  const args = [...(/[[\]{}]/.test(url) ? ['--globoff'] : []), '-X', entry.method.toUpperCase(), url];
  for (const [name, value] of credentialHeaders(doc, entry.operation, credentials))
    args.push('-H', `${name}: ${value}`);
  for (const [name, value] of Object.entries(params.header ?? {})) args.push('-H', `${name}: ${value}`);
  const body = bodyFor(doc, entry);
  if (body) args.push('-H', 'content-type: application/json', '-d', JSON.stringify(body.value));
  return args;
}

const shellQuote = (text) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** The curl sample the docs show: the spec's first server, credentials from environment variables. */
export function curlSampleFor(doc, entry) {
  const server = doc.servers?.[0]?.url ?? 'http://127.0.0.1';
  const args = curlArguments(doc, entry, server, { bearer: '$ACCESS_TOKEN', apiKey: '$API_KEY' });
  const lines = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-H' || arg === '-d' || arg === '-X') {
      // Double quotes for a value with a variable, so that the shell expands it.
      const value = /\$[A-Z_]+/.test(args[i + 1]) ? `"${args[i + 1]}"` : shellQuote(args[i + 1]);
      lines.push(`${arg} ${value}`);
      i++;
    } else lines.push(shellQuote(arg));
  }
  return `curl -sS ${lines.join(' \\\n  ')}\n`;
}
