// TypeScript code samples for every operation, generated from the bundled spec: the method, the path, path
// parameters from their examples (or schema), query parameters that carry an example, and the request body
// example. Each sample calls the operation with this package's client, the way a partner would.
// The docs show them through `x-codeSamples`; tests/docs/code-samples.test.ts type-checks every one against src/.

import { readFileSync } from 'node:fs';
import { operationLabel, operationsOf, resolveRef } from '../../src/openapi/document.js';
import { apis } from '../apis.mjs';
import { CURL_LABEL, curlSampleFor } from './curl-samples.mjs';
import { jsonMedia, parameterExample, requestBodyExample } from './example-values.mjs';
import { toTsLiteral } from './ts-literal.mjs';

/** The package's name, held in package.json only: samples import from it. */
export const PACKAGE_NAME = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).name;

/** The label Redoc shows on the sample tab; scripts/build-docs.mjs declares it as a code sample language. */
export const SAMPLE_LANG = 'TypeScript';
export const SAMPLE_LABEL = PACKAGE_NAME;

/**
 * How each API's client is created, by API name (from apis.json `client`): the module a sample imports
 * (`<package>/<export>`), the factory, the variable, and the options (placeholder credentials a reader replaces,
 * the server a partner starts with). `selfAuthenticating` names the operation the client calls on its own.
 * An API without a client has no entry: its operations get the curl sample only.
 */
export const CLIENTS = Object.fromEntries(
  apis.flatMap((api) =>
    api.client
      ? [
          [
            api.name,
            {
              ...api.client,
              module: `${PACKAGE_NAME}/${api.client.export.replace(/^\.\//, '')}`,
              options: api.client.sampleOptions,
            },
          ],
        ]
      : [],
  ),
);

/** The `params` of the call: path parameters always, query and header parameters that are required or have examples. */
export function paramsFor(doc, entry) {
  const params = {};
  for (const parameter of entry.parameters) {
    if (!['path', 'query', 'header'].includes(parameter.in)) continue;
    const required = parameter.in === 'path' || parameter.required === true;
    // Optional parameters appear only with an example the author chose; schema defaults would be noise.
    const value = parameterExample(doc, parameter, { fromSchema: required });
    if (value === undefined) {
      if (required) {
        throw new Error(
          `${operationLabel(entry)}: the ${parameter.in} parameter "${parameter.name}" has no example ` +
            '(neither on the parameter nor on its schema): add one to the spec so that the code sample can show it',
        );
      }
      continue;
    }
    params[parameter.in] ??= {};
    params[parameter.in][parameter.name] = value;
  }
  return params;
}

/** The request body to send, or undefined when the operation takes none (or an optional one without an example). */
export function bodyFor(doc, entry) {
  const raw = entry.operation.requestBody;
  if (!raw) return undefined;
  const requestBody = resolveRef(doc, raw);
  const example = requestBodyExample(doc, requestBody);
  if (example.found) return { value: example.value };
  if (requestBody.required !== true) return undefined;
  throw new Error(
    `${operationLabel(entry)}: the request body (${example.mediaTypes.join(', ') || 'no media type'}) has no ` +
      'JSON example: add `example` or `examples` to its media type so that the code sample can show it',
  );
}

/** True when some 2xx response has a JSON body: the sample then shows `data`, otherwise the status. */
function answersWithBody(doc, operation) {
  return Object.entries(operation.responses ?? {}).some(([status, raw]) => {
    if (!/^2/.test(status)) return false;
    const response = resolveRef(doc, raw);
    return jsonMedia(response?.content) !== undefined;
  });
}

function commentLines(lines) {
  return lines.map((line) => `// ${line}`).join('\n');
}

/** The TypeScript sample for one operation of `apiName`'s bundled document `doc`. */
export function codeSampleFor(apiName, doc, entry) {
  const client = CLIENTS[apiName];
  if (!client) throw new Error(`no client is known for API "${apiName}"; known: ${Object.keys(CLIENTS).join(', ')}`);
  const { method, path, operation } = entry;
  const params = paramsFor(doc, entry);
  const body = bodyFor(doc, entry);

  const init = {};
  if (Object.keys(params).length > 0) init.params = params;
  if (body) init.body = body.value;
  const args = [toTsLiteral(path)];
  // One entry per line: the call already fills most of the first line.
  if (Object.keys(init).length > 0) args.push(toTsLiteral(init, 0, { expand: true }));

  const name = operation.operationId ?? `${method.toUpperCase()} ${path}`;
  const withBody = answersWithBody(doc, operation);
  const destructured = withBody ? '{ data, error }' : '{ error, response }';
  const call = `const ${destructured} = await ${client.variable}.${method.toUpperCase()}(${args.join(', ')});`;

  const self = client.selfAuthenticating;
  const isSelfAuthenticating = self && self.method === method && self.path === path;

  return [
    `import { ${client.factory} } from '${client.module}';`,
    '',
    `const ${client.variable} = ${client.factory}(${toTsLiteral(client.options, 0)});`,
    '',
    ...(operation.summary ? [`// ${operation.summary}`] : []),
    ...(isSelfAuthenticating ? [commentLines(self.note)] : []),
    call,
    `if (error) throw new Error(\`${name} failed: \${JSON.stringify(error)}\`);`,
    withBody ? 'console.log(data);' : 'console.log(response.status);',
    '',
  ].join('\n');
}

/** One sample per operation of the document, in document order. */
export function codeSamplesFor(apiName, doc) {
  return operationsOf(doc).map((entry) => ({
    method: entry.method,
    path: entry.path,
    operationId: entry.operation.operationId,
    label: operationLabel(entry),
    source: codeSampleFor(apiName, doc, entry),
  }));
}

/**
 * A copy of `doc` in which every operation carries its samples as `x-codeSamples`, TypeScript then curl (the bundle
 * itself is not touched). An operation's own `x-codeSamples` entries stay after ours.
 */
export function withCodeSamples(apiName, doc) {
  const copy = structuredClone(doc);
  for (const entry of operationsOf(copy)) {
    const samples = CLIENTS[apiName]
      ? [{ lang: SAMPLE_LANG, label: SAMPLE_LABEL, source: codeSampleFor(apiName, copy, entry) }]
      : [];
    const curl = { lang: 'Shell', label: CURL_LABEL, source: curlSampleFor(copy, entry) };
    const existing = (entry.operation['x-codeSamples'] ?? []).filter(
      (s) => s.label !== SAMPLE_LABEL && s.label !== CURL_LABEL,
    );
    entry.operation['x-codeSamples'] = [...samples, curl, ...existing];
  }
  return copy;
}
