// A ConformanceRequest on the wire: the URL with its path and query parameters, the headers with the credential,
// the JSON body; and the same as a curl command a person can paste (with the credential left as a shell variable).

/** Query text for one parameter: deepObject as `name[key]=value`, arrays exploded, scalars as `name=value`. */
function queryPairs(parameter, value) {
  const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (parameter?.style === 'deepObject' && value && typeof value === 'object') {
    return Object.entries(value).map(([key, v]) => [`${parameter.name}[${key}]`, text(v)]);
  }
  if (Array.isArray(value)) return value.map((v) => [parameter?.name, text(v)]);
  return [[parameter?.name, text(value)]];
}

// Brackets stay literal, as clients (openapi-fetch) send deepObject names and as servers read them.
const encodeQueryName = (name) => encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']');

/**
 * The HTTP request to send.
 * @param {import('./operations.mjs').OperationModel} model
 * @param {import('./requests.mjs').ConformanceRequest} request
 * @param {string} baseUrl  the API's base URL, without a trailing slash
 * @param {{header: string, value: string, wrong?: string, variable: string} | undefined} credential  the valid credential as a
 *   header, and the shell variable the curl form shows in its place
 * @returns {{method: string, url: string, headers: Record<string, string>, body: string | undefined}}
 */
export function toHttp(model, request, baseUrl, credential) {
  const path = model.path.replace(/\{([^}]+)\}/g, (_, name) =>
    encodeURIComponent(String(request.pathParams[name] ?? '')),
  );
  const pairs = Object.entries(request.query).flatMap(([name, value]) =>
    queryPairs(model.parameters.find((p) => p.in === 'query' && p.name === name) ?? { name }, value),
  );
  const query = pairs.map(([name, value]) => `${encodeQueryName(name)}=${encodeURIComponent(value)}`).join('&');
  const headers = { ...request.headers };
  if (credential && request.credential === 'valid') headers[credential.header] = credential.value;
  if (credential && request.credential === 'wrong') headers[credential.header] = credential.wrong;
  let body;
  if ('body' in request) {
    body = JSON.stringify(request.body);
    headers['content-type'] = model.body?.mediaType ?? 'application/json';
  }
  return { method: model.method.toUpperCase(), url: `${baseUrl}${path}${query ? `?${query}` : ''}`, headers, body };
}

const shellQuote = (text) => `'${String(text).replace(/'/g, `'\\''`)}'`;

/**
 * The request as a curl command. The valid credential is never printed: it appears as `"$VARIABLE"` so the command
 * can be replayed with the same environment; a made-up one (the point of an ignored_auth case) is printed as sent.
 */
export function toCurl(http, credential) {
  const parts = ['curl', '-g', '-i', '-X', http.method, shellQuote(http.url)];
  for (const [name, value] of Object.entries(http.headers)) {
    if (credential && name === credential.header && value === credential.value)
      parts.push('-H', `"${name}: ${credential.variable}"`);
    else parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (http.body !== undefined) parts.push('--data-raw', shellQuote(http.body));
  return parts.join(' ');
}
