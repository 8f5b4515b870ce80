// The operation table of one bundled spec: for each operation its method and path, its parameters, its body, the
// credential and scope its security requirement names, and the statuses it documents. Everything the sandbox
// enforces about a request comes from here, read from the spec with the package's one walker
// (src/openapi/document.js), so that no rule is copied by hand.
import { childPointer, follow, operationsOf } from '../openapi/document.js';
import type { SpecDocument } from '../spec-document.js';

export interface ParameterRule {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  style: string | undefined;
  /** JSON pointer of the parameter's schema, for the validator. */
  schemaPointer: string;
  /** The schema itself, followed through `$ref`s (for type coercion of query and path strings). */
  schema: Record<string, unknown>;
}

export interface BodyRule {
  required: boolean;
  mediaTypes: string[];
  /** JSON pointer of the JSON body's schema. */
  schemaPointer: string;
  /** When the body schema is a `oneOf` with a discriminator: the property, and each value's schema pointer. */
  discriminator?: { propertyName: string; mapping: Record<string, string> };
}

export interface SecurityRule {
  /** The security scheme's name in `components.securitySchemes`. */
  scheme: string;
  type: 'apiKey' | 'http';
  /** For an apiKey scheme: the header that carries the key. */
  headerName?: string;
  /** The scopes (OpenAPI 3.1 roles) the requirement names: the token must carry each. */
  scopes: string[];
}

export interface OperationRule {
  operationId: string;
  method: string;
  /** The spec's path template, e.g. `/identities/{id}`. */
  path: string;
  /** JSON pointer of the operation object. */
  pointer: string;
  parameters: ParameterRule[];
  body: BodyRule | undefined;
  /** undefined when the operation needs no credential (`security: []`). */
  security: SecurityRule | undefined;
  /** The documented statuses, as the spec writes them ("200", "404", ...). */
  statuses: string[];
}

function resolved(
  spec: SpecDocument,
  value: unknown,
  pointer: string,
): { value: Record<string, unknown>; pointer: string } {
  const found = follow(spec, value, pointer) as { value: Record<string, unknown>; pointer: string } | undefined;
  // A broken bundle, not a caller mistake.
  if (!found) throw new Error(`the bundled spec does not resolve ${pointer}`);
  return found;
}

function securityOf(spec: SpecDocument, operation: Record<string, unknown>): SecurityRule | undefined {
  const requirements = (operation['security'] ?? (spec as unknown as { security?: unknown }).security ?? []) as Record<
    string,
    string[]
  >[];
  const requirement = requirements[0];
  if (!requirement) return undefined;
  const [scheme, scopes] = Object.entries(requirement)[0] ?? [];
  if (!scheme) return undefined;
  const definition = (spec.components?.['securitySchemes'] as Record<string, Record<string, unknown>> | undefined)?.[
    scheme
  ];
  if (!definition) throw new Error(`the bundled spec names the security scheme ${scheme} but does not define it`);
  const type = definition['type'];
  if (type !== 'apiKey' && type !== 'http')
    throw new Error(`security scheme ${scheme}: type ${String(type)} is not one the sandbox implements`);
  return {
    scheme,
    type,
    ...(type === 'apiKey' ? { headerName: String(definition['name']).toLowerCase() } : {}),
    scopes: scopes ?? [],
  };
}

/** Every operation of the bundled spec, in document order. */
export function operationRules(spec: SpecDocument): OperationRule[] {
  const rules: OperationRule[] = [];
  for (const { method, path, pointer, operation, parameterSites } of operationsOf(spec)) {
    const parameters = parameterSites.map(
      (parameter): ParameterRule => ({
        name: String(parameter.value['name']),
        in: parameter.value['in'] as ParameterRule['in'],
        required: parameter.value['required'] === true,
        style: parameter.value['style'] as string | undefined,
        schemaPointer: `${parameter.pointer}/schema`,
        schema: resolved(spec, parameter.value['schema'], `${parameter.pointer}/schema`).value,
      }),
    );
    let body: BodyRule | undefined;
    if (operation['requestBody']) {
      const requestBody = resolved(spec, operation['requestBody'], `${pointer}/requestBody`);
      const content = (requestBody.value['content'] ?? {}) as Record<string, Record<string, unknown>>;
      const mediaTypes = Object.keys(content);
      const json = mediaTypes.find((m) => m === 'application/json');
      if (!json)
        throw new Error(`${pointer}: the sandbox reads JSON bodies only (documented: ${mediaTypes.join(', ')})`);
      const schemaPointer = childPointer(requestBody.pointer, 'content', json, 'schema');
      const schema = resolved(spec, content[json]!['schema'], schemaPointer);
      const discriminator = schema.value['discriminator'] as
        | { propertyName: string; mapping?: Record<string, string> }
        | undefined;
      body = {
        required: requestBody.value['required'] === true,
        mediaTypes,
        schemaPointer: schema.pointer,
        ...(discriminator?.mapping
          ? { discriminator: { propertyName: discriminator.propertyName, mapping: discriminator.mapping } }
          : {}),
      };
    }
    rules.push({
      operationId: String(operation['operationId'] ?? `${method.toUpperCase()} ${path}`),
      method,
      path,
      pointer,
      parameters,
      body,
      security: securityOf(spec, operation),
      statuses: Object.keys((operation['responses'] as Record<string, unknown>) ?? {}),
    });
  }
  return rules;
}

/** Every scope any operation of the spec names: what a demo credential is granted. */
export function scopesNamed(rules: readonly OperationRule[]): string[] {
  return [...new Set(rules.flatMap((r) => r.security?.scopes ?? []))].sort();
}
