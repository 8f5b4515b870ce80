// What the mock needs to know about each operation, derived once from the bundle: how its path matches a request
// path, which methods its path item allows, its query parameters, request media types and body bounds, the
// credential it needs, and its documented answers with their examples. Nothing here is listed by hand.
import { operationsOf, resolveRef } from '../../src/openapi/document.js';
import { jsonMedia } from '../docs/example-values.mjs';
import { maxJsonSize, UnboundedSchemaError } from './body-bounds.mjs';

// Room for indentation and line breaks around a body of the largest compact size.
const WHITESPACE_FACTOR = 2;
/** Limits for a request body whose schema has no bound to derive them from. */
export const UNBOUNDED_FALLBACK = { bytes: 512 * 1024, depth: 32, values: 50_000 };

/**
 * @typedef {object} MockOperation
 * @property {string} operationId
 * @property {string} method         lowercase
 * @property {string} path           the spec's template, e.g. `/identities/{id}`
 * @property {string[]} segments     the template split at `/`
 * @property {object[]} queryParameters  resolved Parameter Objects
 * @property {{mediaTypes: string[], required: boolean, schema?: object, maxBytes?: number, maxDepth?: number,
 *             maxValues?: number, boundsDerived?: boolean, unboundedBecause?: string,
 *             discriminator?: {propertyName: string, mapping: Record<string, object>}} | undefined} body
 *   undefined when the operation takes no body; `schema` and the bounds only for a JSON body
 * @property {{kind: 'bearer' | 'header', name: string} | undefined} credential
 * @property {Map<string, {examples: {key: string, value: unknown}[], schema?: object, mediaType?: string,
 *             headers: Record<string, object>}>} responses
 */

/**
 * The credential the mock asks for: the first scheme it can check of any security requirement.
 * @param {any} doc the bundled document
 * @param {any} operation its Operation Object
 * @returns {MockOperation['credential']}
 */
function credentialOf(doc, operation) {
  const requirements = operation.security ?? doc.security ?? [];
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = resolveRef(doc, doc.components?.securitySchemes?.[name]);
      if (scheme?.type === 'http' && /^bearer$/i.test(scheme.scheme)) return { kind: 'bearer', name: 'authorization' };
      if (scheme?.type === 'apiKey' && scheme.in === 'header')
        return { kind: 'header', name: scheme.name.toLowerCase() };
    }
  }
  return undefined;
}

function bodyOf(doc, operation, label) {
  if (!operation.requestBody) return undefined;
  const requestBody = resolveRef(doc, operation.requestBody);
  const mediaTypes = Object.keys(requestBody.content ?? {});
  const json = jsonMedia(requestBody.content);
  if (!json) return { mediaTypes, required: Boolean(requestBody.required) };
  /** @type {{ bytes: number, depth: number, values: number, derived: boolean, reason?: string }} */
  let bounds;
  try {
    bounds = { ...maxJsonSize(doc, json.media.schema, `${label} request body`), derived: true };
  } catch (error) {
    // A document without bounds (not ours: tests/specs prove both bundles bounded) still gets a mock, with limits
    // generous for any hand-written body.
    if (!(error instanceof UnboundedSchemaError)) throw error;
    bounds = { ...UNBOUNDED_FALLBACK, derived: false, reason: error.message };
  }
  const root = resolveRef(doc, json.media.schema);
  const discriminator = root?.discriminator?.mapping
    ? {
        propertyName: root.discriminator.propertyName,
        mapping: Object.fromEntries(
          Object.entries(root.discriminator.mapping).map(([value, ref]) => [value, { $ref: ref }]),
        ),
      }
    : undefined;
  return {
    mediaTypes,
    required: Boolean(requestBody.required),
    schema: json.media.schema,
    maxBytes: Math.ceil((bounds.bytes * WHITESPACE_FACTOR) / 1024) * 1024,
    maxDepth: bounds.depth,
    maxValues: bounds.values,
    boundsDerived: bounds.derived,
    ...(bounds.reason ? { unboundedBecause: bounds.reason } : {}),
    discriminator,
  };
}

function responsesOf(doc, operation) {
  const responses = new Map();
  for (const [status, raw] of Object.entries(operation.responses ?? {})) {
    const response = resolveRef(doc, raw);
    const json = jsonMedia(response.content);
    const examples = Object.entries(json?.media.examples ?? {}).map(([key, example]) => ({
      key,
      value: resolveRef(doc, example).value,
    }));
    if (json && 'example' in json.media) examples.unshift({ key: 'example', value: json.media.example });
    responses.set(status, {
      examples,
      schema: json?.media.schema,
      mediaType: json?.type,
      headers: response.headers ?? {},
    });
  }
  return responses;
}

/**
 * Every operation of a bundled document, with what the mock checks before Prism sees a request.
 * @param {object} doc a bundled OpenAPI 3.1 document (local `$ref`s only)
 * @returns {MockOperation[]}
 */
export function operationTable(doc) {
  return operationsOf(doc).map(({ method, path, operation, parameters }) => {
    const label = operation.operationId ?? `${method.toUpperCase()} ${path}`;
    const body = bodyOf(doc, operation, label);
    return {
      operationId: label,
      method,
      path,
      segments: path.split('/'),
      queryParameters: parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ ...p, schema: resolveRef(doc, p.schema) })),
      body,
      credential: credentialOf(doc, operation),
      responses: responsesOf(doc, operation),
    };
  });
}

/** The documented statuses of an operation, sorted, as a partner reads them: `200, 400, 401`. */
export const documentedStatuses = (operation) => [...operation.responses.keys()].sort().join(', ');
