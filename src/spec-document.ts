// The parts of a bundled OpenAPI 3.1 document (generated/<api>/openapi.json) the clients read at runtime:
// server URLs, operation ids and response schemas. Only a loose view: the types of requests and responses
// come from generated/<api>/schema.ts.

export interface SpecServer {
  url: string;
  description?: string;
}

export interface SpecResponse {
  content?: Record<string, { schema?: unknown }>;
}

export interface SpecOperation {
  operationId?: string;
  responses?: Record<string, unknown>;
}

export interface SpecDocument {
  servers?: SpecServer[];
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The operation object for `method` and the path template, if the document has one. */
export function findOperation(spec: SpecDocument, method: string, pathTemplate: string): SpecOperation | undefined {
  const item = spec.paths[pathTemplate];
  const operation = item?.[method.toLowerCase()];
  return operation && typeof operation === 'object' ? (operation as SpecOperation) : undefined;
}

/** How errors name an operation: its operationId, or "METHOD /path" where the document gives none. */
export function operationName(spec: SpecDocument, method: string, pathTemplate: string): string {
  return findOperation(spec, method, pathTemplate)?.operationId ?? `${method.toUpperCase()} ${pathTemplate}`;
}

/** Reads a local JSON pointer ("#/components/responses/NotFound") from the document. */
function readPointer(spec: SpecDocument, pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      spec,
    );
}

/**
 * Follows local `$ref`s (a bundle refers to shared responses as `{$ref: '#/components/responses/...'}`) and
 * returns the object with the pointer where it really lives, so schemas under it can be addressed.
 */
export function resolveLocalRef<T>(
  spec: SpecDocument,
  value: unknown,
  pointer: string,
): { value: T; pointer: string } | undefined {
  let current = value;
  let at = pointer;
  for (let hops = 0; hops < 16; hops++) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string') return current === undefined ? undefined : { value: current as T, pointer: at };
    if (!ref.startsWith('#/')) return undefined;
    at = ref;
    current = readPointer(spec, ref);
  }
  return undefined;
}

/**
 * Escapes one JSON pointer segment (RFC 6901). The same as spec-validator's pointerSegment, kept here so that
 * building a pointer does not load Ajv (see validation.ts).
 */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The schema object at a local pointer, for clients that check an option by the contract's own rule. */
export function schemaAt(spec: SpecDocument, pointer: string): Record<string, unknown> {
  const schema = readPointer(spec, pointer);
  // A broken bundle, not a caller mistake.
  if (!schema || typeof schema !== 'object') throw new Error(`the bundled spec has no schema at ${pointer}`);
  return schema as Record<string, unknown>;
}

/** A schema's `pattern` as a RegExp; JSON Schema patterns are ECMA-262 with the `u` flag, as Ajv reads them. */
export function patternOf(schema: Record<string, unknown>, pointer: string): RegExp {
  if (typeof schema['pattern'] !== 'string') throw new Error(`the bundled spec has no pattern at ${pointer}`);
  return new RegExp(schema['pattern'], 'u');
}

/** The JSON pointer of an operation object. */
export function operationPointer(method: string, pathTemplate: string): string {
  return `#/paths/${escapePointerSegment(pathTemplate)}/${method.toLowerCase()}`;
}

/**
 * The documented response for a status (exact code, then its class "4XX", then "default"), with the JSON
 * pointer it lives at once local $refs are followed.
 */
export function documentedResponse(
  spec: SpecDocument,
  method: string,
  pathTemplate: string,
  status: number,
): { value: SpecResponse; pointer: string } | undefined {
  const responses = findOperation(spec, method, pathTemplate)?.responses ?? {};
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    if (responses[key] !== undefined) {
      return resolveLocalRef<SpecResponse>(
        spec,
        responses[key],
        `${operationPointer(method, pathTemplate)}/responses/${escapePointerSegment(key)}`,
      );
    }
  }
  return undefined;
}

/** A parameter of an operation, its own or its path item's, with where its schema lives. */
export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Record<string, unknown>;
  /** JSON pointer of the schema once local $refs are followed. */
  schemaPointer: string;
}

/** The parameters of an operation (path item parameters overridden by the operation's own, as OpenAPI says). */
export function operationParameters(spec: SpecDocument, method: string, pathTemplate: string): SpecParameter[] {
  const itemPointer = `#/paths/${escapePointerSegment(pathTemplate)}`;
  const item = spec.paths[pathTemplate] as { parameters?: unknown[] } | undefined;
  const operation = findOperation(spec, method, pathTemplate) as { parameters?: unknown[] } | undefined;
  if (!operation) return [];
  const found = new Map<string, SpecParameter>();
  const read = (list: unknown[] | undefined, base: string) =>
    (list ?? []).forEach((raw, i) => {
      const parameter = resolveLocalRef<Record<string, unknown>>(spec, raw, `${base}/parameters/${i}`);
      if (!parameter) return;
      const schema = resolveLocalRef<Record<string, unknown>>(
        spec,
        parameter.value['schema'],
        `${parameter.pointer}/schema`,
      );
      const where = parameter.value['in'] as SpecParameter['in'];
      const name = String(parameter.value['name']);
      found.set(`${where}:${name}`, {
        name,
        in: where,
        required: parameter.value['required'] === true,
        schema: schema?.value ?? {},
        schemaPointer: schema?.pointer ?? `${parameter.pointer}/schema`,
      });
    });
  read(item?.parameters, itemPointer);
  read(operation.parameters, operationPointer(method, pathTemplate));
  return [...found.values()];
}

const documentedConstantsCache = new WeakMap<SpecDocument, string[]>();

/**
 * Every string the spec documents as a constant (`enum` and `const` values: error codes, types, genders...).
 * A client refuses a credential that occurs in one, so that redacting it never rewrites a documented value.
 */
export function documentedConstants(spec: SpecDocument): string[] {
  let constants = documentedConstantsCache.get(spec);
  if (constants) return constants;
  const found = new Set<string>();
  const stack: unknown[] = [spec];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record['const'] === 'string') found.add(record['const']);
    if (Array.isArray(record['enum'])) for (const v of record['enum']) if (typeof v === 'string') found.add(v);
    for (const [key, value] of Object.entries(record)) if (key !== 'example' && key !== 'examples') stack.push(value);
  }
  constants = [...found];
  documentedConstantsCache.set(spec, constants);
  return constants;
}
