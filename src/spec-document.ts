// The parts of a bundled OpenAPI 3.1 document (generated/<api>/openapi.json) that the sandbox, the MSW handlers and
// the response check of the tests read: server URLs, operation ids and response schemas. Only a loose view: the
// types of requests and responses come from generated/<api>/schema.ts. The walking itself (JSON pointers, local
// `$ref`s, operations) is src/openapi/document.js, the package's one walker (issue 11 item 2); what is here are the
// typed questions these callers ask of it.
import {
  childPointer,
  documentedConstants as constantsOf,
  escapePointerSegment,
  follow,
  HTTP_METHODS,
  operationsOf,
  readPointer,
} from './openapi/document.js';

export { escapePointerSegment, HTTP_METHODS };

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

/**
 * Follows local `$ref`s (a bundle refers to shared responses as `{$ref: '#/components/responses/...'}`) and
 * returns the object with the pointer where it really lives, so schemas under it can be addressed. Undefined where
 * `value` is undefined or a reference is not local, points at nothing or comes back to itself.
 */
export function resolveLocalRef<T>(
  spec: SpecDocument,
  value: unknown,
  pointer: string,
): { value: T; pointer: string } | undefined {
  try {
    const found = follow(spec, value, pointer);
    return found?.value === undefined ? undefined : (found as { value: T; pointer: string });
  } catch {
    return undefined;
  }
}

/** The schema object at a local pointer, for clients that check an option by the contract's own rule. */
export function schemaAt(spec: SpecDocument, pointer: string): Record<string, unknown> {
  let schema: unknown;
  try {
    schema = readPointer(spec, pointer);
  } catch {
    schema = undefined;
  }
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
  return childPointer('#/paths', pathTemplate, method.toLowerCase());
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
        childPointer(operationPointer(method, pathTemplate), 'responses', key),
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

/**
 * The parameters of an operation (path item parameters overridden by the operation's own, as OpenAPI says); none
 * for an operation the document does not have.
 * @throws {Error} on a broken local `$ref` in the document (see src/openapi/document.js `follow`)
 */
export function operationParameters(spec: SpecDocument, method: string, pathTemplate: string): SpecParameter[] {
  const entry = operationsOf(spec).find((o) => o.path === pathTemplate && o.method === method.toLowerCase());
  return (entry?.parameterSites ?? []).map((site) => {
    const schema = resolveLocalRef<Record<string, unknown>>(
      spec,
      site.value['schema'],
      childPointer(site.pointer, 'schema'),
    );
    return {
      name: String(site.value['name']),
      in: site.value['in'] as SpecParameter['in'],
      required: site.value['required'] === true,
      schema: schema?.value ?? {},
      schemaPointer: schema?.pointer ?? childPointer(site.pointer, 'schema'),
    };
  });
}

const documentedConstantsCache = new WeakMap<SpecDocument, string[]>();

/**
 * Every string the spec documents as a constant (`enum` and `const` values: error codes, types, genders...).
 * A client refuses a credential that occurs in one, so that redacting it never rewrites a documented value.
 */
export function documentedConstants(spec: SpecDocument): string[] {
  let constants = documentedConstantsCache.get(spec);
  if (!constants) {
    constants = constantsOf(spec);
    documentedConstantsCache.set(spec, constants);
  }
  return constants;
}
