// What a client reads at run time about its API: a small module generated from the bundled spec
// (generated/<api>/runtime.ts, by scripts/generate-runtime.mjs), instead of the spec itself, whose descriptions,
// examples and code samples a client never needs. Schemas are not here: each is named by the key of its validator,
// compiled at build time (generated/<api>/validators/, loaded only when validation is asked for).

/** A parameter of an operation (path item parameters overridden by the operation's own, as OpenAPI says). */
export interface RuntimeParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | string;
  required: boolean;
  /** Key of the parameter's schema in the API's compiled validators. */
  schema: string;
  /** Path parameters: the constraint keywords of the schema, checked on every call (src/path-parameters.ts). */
  rule?: Record<string, unknown>;
}

export interface RuntimeOperation {
  /** operationId, or "METHOD /path" where the spec gives none. */
  id: string;
  parameters: RuntimeParameter[];
  /** Documented responses by status key ("200", "4XX", "default"): media type → validator key (null: no schema). */
  responses: Record<string, Record<string, string | null>>;
  requestBody?: { required: boolean; schema?: string };
}

export interface RuntimeSpec {
  api: string;
  /** The spec's servers, in order; each description starts with the server's name. */
  servers: { url: string; description: string }[];
  /** By "METHOD /path/template", method in upper case. */
  operations: Record<string, RuntimeOperation>;
  /** Every string the spec documents as a constant (enum, const): what a credential must not occur in. */
  constants: string[];
  /** Constraint keywords of the schemas a client checks options against (e.g. Portabl's scopes). */
  rules: Record<string, Record<string, unknown>>;
}

/** The operation for `method` and the path template, if the spec has one. */
export function operationOf(spec: RuntimeSpec, method: string, pathTemplate: string): RuntimeOperation | undefined {
  return spec.operations[`${method.toUpperCase()} ${pathTemplate}`];
}

/** How errors name an operation: its operationId, or "METHOD /path" where the spec gives none. */
export function operationName(spec: RuntimeSpec, method: string, pathTemplate: string): string {
  return operationOf(spec, method, pathTemplate)?.id ?? `${method.toUpperCase()} ${pathTemplate}`;
}

/** The documented content of a response status (exact code, then its class "4XX", then "default"). */
export function documentedContent(
  spec: RuntimeSpec,
  method: string,
  pathTemplate: string,
  status: number,
): Record<string, string | null> | undefined {
  const operation = operationOf(spec, method, pathTemplate);
  return operation && responseContent(operation, status);
}

/** The documented content of `operation`'s response to `status` (exact code, then its class "4XX", then "default"). */
export function responseContent(
  operation: RuntimeOperation,
  status: number,
): Record<string, string | null> | undefined {
  const responses = operation.responses;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default'];
}

/** A rule of the spec by name; a missing one means a broken generated module, not a caller mistake. */
export function ruleOf(spec: RuntimeSpec, name: string): Record<string, unknown> {
  const rule = spec.rules[name];
  if (!rule) throw new Error(`the generated ${spec.api} runtime module has no rule "${name}": run npm run generate`);
  return rule;
}

/** A rule's `pattern` as a RegExp; JSON Schema patterns are ECMA-262 with the `u` flag, as Ajv reads them. */
export function patternOfRule(spec: RuntimeSpec, name: string): RegExp {
  const pattern = ruleOf(spec, name)['pattern'];
  if (typeof pattern !== 'string')
    throw new Error(`the generated ${spec.api} runtime module has no pattern for "${name}"`);
  return new RegExp(pattern, 'u');
}
