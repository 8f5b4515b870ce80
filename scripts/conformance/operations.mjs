// What the runner needs to know of each operation of a bundle: its parameters by location, its request body schema,
// the credential its security requirement asks for, and its documented responses.
import { operationsOf, resolveRef } from '../../src/openapi/document.js';

/**
 * @typedef {{kind: 'bearer'} | {kind: 'apiKey', in: string, name: string}} CredentialKind
 * @typedef {object} OperationModel
 * @property {string} operationId
 * @property {string} method     lower case
 * @property {string} path       the path template, e.g. `/identities/{id}`
 * @property {object[]} parameters  resolved Parameter Objects (path-level ones merged in)
 * @property {{schema: object, required: boolean, mediaType: string} | undefined} body
 * @property {CredentialKind | undefined} credential  undefined: the operation needs none (`security: []`)
 * @property {Record<string, object>} responses  status (or `default`, `4XX`) → resolved Response Object
 */

/**
 * The credential a security requirement asks for: the first scheme of the first requirement.
 * @param {any} doc the bundled document
 * @param {any} operation its Operation Object
 * @returns {CredentialKind | undefined}
 */
function credentialOf(doc, operation) {
  const requirements = operation.security ?? doc.security ?? [];
  const first = requirements.find((r) => Object.keys(r).length > 0);
  if (!first || requirements.some((r) => Object.keys(r).length === 0)) return undefined;
  const scheme = resolveRef(doc, doc.components?.securitySchemes?.[Object.keys(first)[0]]);
  if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') return { kind: 'bearer' };
  if (scheme?.type === 'apiKey') return { kind: 'apiKey', in: scheme.in, name: scheme.name };
  throw new Error(
    `security scheme ${Object.keys(first)[0]} (${scheme?.type}) is not one the conformance runner can send`,
  );
}

/**
 * Every operation of a bundle, in document order.
 * @param {object} doc a bundled OpenAPI 3.1 document
 * @returns {OperationModel[]}
 * @example operationModels(JSON.parse(readFileSync('generated/identity/openapi.json', 'utf8'))).map((o) => o.operationId)
 */
export function operationModels(doc) {
  return operationsOf(doc).map(({ method, path, operation, parameters }) => {
    let body;
    if (operation.requestBody) {
      const requestBody = resolveRef(doc, operation.requestBody);
      const mediaType = Object.keys(requestBody.content ?? {}).find((m) => /json/.test(m));
      if (!mediaType) throw new Error(`${operation.operationId}: only JSON request bodies can be generated`);
      body = { schema: requestBody.content[mediaType].schema, required: requestBody.required === true, mediaType };
    }
    const responses = Object.fromEntries(
      Object.entries(operation.responses ?? {}).map(([status, r]) => [status, resolveRef(doc, r)]),
    );
    return {
      operationId: operation.operationId ?? `${method.toUpperCase()} ${path}`,
      method,
      path,
      parameters,
      body,
      credential: credentialOf(doc, operation),
      responses,
    };
  });
}

/** The documented response for a status: the exact code, then its range (`4XX`), then `default`. */
export function documentedResponse(model, status) {
  return model.responses[String(status)] ?? model.responses[`${String(status)[0]}XX`] ?? model.responses.default;
}
