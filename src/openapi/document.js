// @ts-check
// Reading a bundled OpenAPI 3.1 document: JSON pointers, local `$ref`s and its operations. The one walker of the
// package: the sandbox and the MSW handlers (compiled to dist/), the scripts and the tests all import this file.
// Plain JavaScript with JSDoc types so that the scripts run it without a build step (Node 20 runs no TypeScript);
// tsc type-checks it (`@ts-check`) and compiles it with its declarations for dist/.

/** The HTTP methods a Path Item may hold an operation under, in the order OpenAPI lists them. */
/**
 * Schema keywords that document rather than constrain (JSON Schema 2020-12 meta-data vocabulary, plus OpenAPI's
 * `example`): left out where only the rules of a schema are kept.
 * @type {ReadonlySet<string>}
 */
export const ANNOTATION_KEYWORDS = new Set([
  'title',
  'description',
  'examples',
  'example',
  'deprecated',
  '$comment',
  'readOnly',
  'writeOnly',
]);

// Keywords whose value is a map of subschemas: their keys are names (a property may be called `description`).
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas']);
// Keywords whose value is data, not a schema: copied as they are.
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

/**
 * A copy of a document (or of one schema) with every annotation keyword and `x-` extension left out of its schemas,
 * for code that only applies their rules (the validators compiled at build time): what is left validates exactly
 * the same values. Property names, `enum`, `const` and `default` values are kept as they are.
 * @template T
 * @param {T} node
 * @returns {T}
 * @example withoutAnnotations({ description: 'An id', type: 'string', properties: { title: { type: 'string' } } })
 * // { type: 'string', properties: { title: { type: 'string' } } }
 */
export function withoutAnnotations(node) {
  if (Array.isArray(node)) return /** @type {T} */ (node.map((item) => withoutAnnotations(item)));
  if (!node || typeof node !== 'object') return node;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (DATA_KEYWORDS.has(key)) copy[key] = value;
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object' && !Array.isArray(value))
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, withoutAnnotations(schema)]));
    else copy[key] = withoutAnnotations(value);
  }
  return /** @type {T} */ (copy);
}

export const HTTP_METHODS = /** @type {const} */ ([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);

/**
 * A loose view of an OpenAPI document: enough to walk it. The types of requests and responses come from
 * generated/<api>/schema.ts.
 * @typedef {{ paths?: Record<string, any>, components?: Record<string, any>, [key: string]: any }} OpenApiDocument
 */

/**
 * A value of the document with the JSON pointer it lives at (`#/components/schemas/Identity`).
 * @template [T=any]
 * @typedef {{ value: T, pointer: string }} Located
 */

/**
 * One operation of the document.
 * @typedef {object} OperationEntry
 * @property {typeof HTTP_METHODS[number]} method lower case
 * @property {string} path the path template, e.g. `/identities/{id}`
 * @property {string} pointer the operation's JSON pointer, e.g. `#/paths/~1identities~1{id}/get`
 * @property {Record<string, any>} operation the Operation Object
 * @property {Record<string, any>} pathItem the Path Item Object it is in (its `$ref` followed)
 * @property {Record<string, any>[]} parameters its Parameter Objects with the Path Item's merged in (the operation's
 *   win on the same `in` and `name`), each with local `$ref`s followed
 * @property {Located<Record<string, any>>[]} parameterSites the same parameters with the pointer each lives at
 */

/**
 * Escapes one JSON pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`.
 * @param {string} segment
 * @returns {string}
 * @example escapePointerSegment('/identities/{id}') // '~1identities~1{id}'
 */
export function escapePointerSegment(segment) {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Reads one segment of a pointer in a URI fragment: percent-decoding (where it is well formed), then RFC 6901.
 * @param {string} segment
 * @returns {string}
 */
export function unescapePointerSegment(segment) {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A lone `%` is a literal one.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The pointer of a value under `pointer`, one key after another.
 * @param {string} pointer
 * @param {...string} keys
 * @returns {string}
 * @example childPointer('#/paths', '/identities', 'get') // '#/paths/~1identities/get'
 */
export function childPointer(pointer, ...keys) {
  return [pointer, ...keys.map(escapePointerSegment)].join('/');
}

/**
 * The value at a local JSON pointer (`#/components/responses/NotFound`; `#` is the document itself).
 * @param {unknown} doc
 * @param {string} pointer
 * @returns {any}
 * @throws {Error} `<pointer>: not found in the document` when a segment is missing, or when the pointer is not local
 */
export function readPointer(doc, pointer) {
  if (!pointer.startsWith('#'))
    throw new Error(`${pointer}: not a local JSON pointer (a bundle must be self-contained)`);
  /** @type {any} */
  let node = doc;
  for (const raw of pointer.slice(1).split('/').slice(1)) {
    const key = unescapePointerSegment(raw);
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key))
      throw new Error(`${pointer}: not found in the document`);
    node = node[key];
  }
  return node;
}

/**
 * Follows local `$ref`s from `value` (found at `pointer`) to a value that is not a reference, with the pointer where
 * that value really lives, so that what is under it can be addressed.
 * @param {unknown} doc
 * @param {unknown} value
 * @param {string} [pointer] where `value` is; default `#`
 * @returns {Located | undefined} undefined when `value` is undefined (nothing to follow)
 * @throws {Error} on a reference that is not local, that points at nothing, or that comes back to itself
 * @example follow(doc, doc.paths['/identities'].get.responses['404'], '#/paths/~1identities/get/responses/404')
 */
export function follow(doc, value, pointer = '#') {
  if (value === undefined) return undefined;
  const seen = new Set();
  /** @type {any} */
  let current = value;
  let at = pointer;
  while (current !== null && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`${ref}: circular reference (reached again from ${pointer})`);
    seen.add(ref);
    current = readPointer(doc, ref);
    at = ref;
  }
  return { value: current, pointer: at };
}

/**
 * `node` with its local `$ref`s followed.
 * @param {unknown} doc
 * @param {unknown} node
 * @returns {any}
 * @throws {Error} as {@link follow}
 */
export function resolveRef(doc, node) {
  return follow(doc, node)?.value;
}

/**
 * The operations of one Path Item, by method, in the order OpenAPI lists the methods.
 * @param {Record<string, any> | undefined} pathItem a Path Item Object (its `$ref` already followed)
 * @returns {[typeof HTTP_METHODS[number], Record<string, any>][]}
 * @example operationsIn({ get: { operationId: 'listIdentities' } }) // [['get', { operationId: 'listIdentities' }]]
 */
export function operationsIn(pathItem) {
  return HTTP_METHODS.flatMap((method) => (pathItem?.[method] ? [[method, pathItem[method]]] : []));
}

/**
 * Every operation in document order, with the Path Item's parameters merged in.
 * @param {OpenApiDocument} doc
 * @returns {OperationEntry[]}
 * @throws {Error} as {@link follow}, on a broken `$ref`
 * @example operationsOf(doc).map((o) => o.operation.operationId)
 */
export function operationsOf(doc) {
  /** @type {OperationEntry[]} */
  const operations = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = follow(doc, rawItem, childPointer('#/paths', path));
    if (!item) continue;
    for (const [method, operation] of operationsIn(item.value)) {
      const pointer = childPointer(item.pointer, method);
      /** @type {Map<string, Located<Record<string, any>>>} */
      const byKey = new Map();
      const lists = [
        [item.value.parameters ?? [], childPointer(item.pointer, 'parameters')],
        [operation.parameters ?? [], childPointer(pointer, 'parameters')],
      ];
      for (const [list, listPointer] of lists) {
        list.forEach((/** @type {unknown} */ raw, /** @type {number} */ i) => {
          const site = /** @type {Located<Record<string, any>>} */ (
            follow(doc, raw, childPointer(listPointer, String(i)))
          );
          byKey.set(`${site.value.in}:${site.value.name}`, site);
        });
      }
      const parameterSites = [...byKey.values()];
      operations.push({
        method,
        path,
        pointer,
        operation,
        pathItem: item.value,
        parameters: parameterSites.map((site) => site.value),
        parameterSites,
      });
    }
  }
  return operations;
}

/**
 * How errors and tests name an operation: `GET /path (operationId)`.
 * @param {{ method: string, path: string, operation: { operationId?: string } }} entry
 * @returns {string}
 */
export function operationLabel({ method, path, operation }) {
  return `${method.toUpperCase()} ${path}${operation.operationId ? ` (${operation.operationId})` : ''}`;
}

/**
 * The local `$ref`s reachable from `roots` (any JSON values), following each into the document, each once.
 * @param {unknown} doc
 * @param {unknown[]} roots
 * @param {{ skip?: readonly string[] }} [options] `skip`: keys not walked into (e.g. `example`, `examples`: data)
 * @returns {Set<string>} the `$ref` strings, e.g. `#/components/schemas/Identity`
 * @throws {Error} as {@link readPointer}, on a `$ref` that points at nothing
 */
export function reachableRefs(doc, roots, { skip = [] } = {}) {
  /** @type {Set<string>} */
  const refs = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
        if (refs.has(value)) continue;
        refs.add(value);
        stack.push(readPointer(doc, value));
      } else if (value && typeof value === 'object' && !skip.includes(key)) {
        stack.push(value);
      }
    }
  }
  return refs;
}

/**
 * Every string the document states as a constant (`enum` and `const` values: error codes, types, genders...),
 * outside `example` and `examples` (data, not rules), in the order the walk meets them, each once.
 * @param {unknown} doc
 * @returns {string[]}
 * @example documentedConstants({ properties: { kind: { enum: ['person', 'business'] } } }) // ['person', 'business']
 */
export function documentedConstants(doc) {
  /** @type {Set<string>} */
  const found = new Set();
  const stack = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const record = /** @type {Record<string, unknown>} */ (node);
    if (typeof record.const === 'string') found.add(record.const);
    if (Array.isArray(record.enum)) for (const v of record.enum) if (typeof v === 'string') found.add(v);
    for (const [key, value] of Object.entries(record)) if (key !== 'example' && key !== 'examples') stack.push(value);
  }
  return [...found];
}
