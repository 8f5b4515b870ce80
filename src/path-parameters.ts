// Path parameter values are checked against their schemas in the spec (generated/<api>/runtime.ts) before anything is sent. A value
// such as `..` or `a/b` would otherwise change which route is called (openapi-fetch substitutes it into the path,
// and URL parsing resolves dot segments: `DELETE /identities/..` becomes `DELETE /`), carrying the credential with
// it. Every path parameter of both specs is a `format: uuid` string, which no such value satisfies.
//
// A small checker of the keywords path parameter schemas use, rather than Ajv: it runs on every call, and Ajv
// stays unloaded for callers who do not opt in to validation (see validation.ts). A schema using any other keyword
// fails when the client is created, so a rule of the spec is never silently skipped.
import type { RuntimeOperation, RuntimeSpec } from './runtime-spec.js';

/**
 * A path parameter value does not satisfy its schema in the spec, so the request was not sent (nor, for Portabl, a
 * token requested). `operation` is the operationId, `parameter` the parameter's name; the message says which rule
 * failed and never quotes the value.
 * @example try { await identity.DELETE('/identities/{id}', { params: { path: { id: '..' } } }) }
 *          catch (err) { if (err instanceof PathParameterError) console.error(err.parameter) } // 'id'
 */
export class PathParameterError extends TypeError {
  override readonly name = 'PathParameterError';
  constructor(
    readonly operation: string,
    readonly parameter: string,
    reason: string,
  ) {
    super(`${operation}: path parameter "${parameter}" ${reason}; the request was not sent`);
  }
}

// ajv-formats' `uuid` format (the one the mock and the validators apply), so both sides agree on what a uuid is.
const FORMATS: Record<string, RegExp> = { uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i };

type Check = (value: unknown) => string | undefined;

/**
 * The checks of one path parameter schema; throws for a keyword this checker does not implement. The rules come from
 * the generated runtime module with annotations and `x-` extensions already left out (scripts/generate-runtime.mjs,
 * `constraints`, with the walker's ANNOTATION_KEYWORDS), so every keyword here is a constraint.
 */
export function compilePathSchema(schema: Record<string, unknown>, where: string): Check {
  const checks: Check[] = [];
  for (const [keyword, rule] of Object.entries(schema)) {
    switch (keyword) {
      case 'type':
        if (rule === 'string')
          checks.push((v) =>
            typeof v === 'string' ? undefined : `must be a string (got ${v === null ? 'null' : typeof v})`,
          );
        else if (rule === 'integer') checks.push((v) => (Number.isInteger(v) ? undefined : 'must be an integer'));
        else
          throw new Error(
            `${where}: path parameter type ${JSON.stringify(rule)} is not supported by the client's checker`,
          );
        break;
      case 'format': {
        const pattern = FORMATS[String(rule)];
        if (!pattern)
          throw new Error(
            `${where}: path parameter format ${JSON.stringify(rule)} is not supported by the client's checker`,
          );
        checks.push((v) => (typeof v !== 'string' || pattern.test(v) ? undefined : `must be a ${String(rule)}`));
        break;
      }
      case 'pattern': {
        const pattern = new RegExp(String(rule), 'u');
        checks.push((v) =>
          typeof v !== 'string' || pattern.test(v) ? undefined : `must match the pattern ${String(rule)}`,
        );
        break;
      }
      case 'minLength':
        checks.push((v) =>
          typeof v !== 'string' || [...v].length >= Number(rule)
            ? undefined
            : `must be at least ${String(rule)} characters long`,
        );
        break;
      case 'maxLength':
        // JSON Schema counts code points, never more than UTF-16 units: a string within the limit in units is within
        // it in code points, so only a longer one is counted (this runs on every call).
        checks.push((v) =>
          typeof v !== 'string' || v.length <= Number(rule) || [...v].length <= Number(rule)
            ? undefined
            : `must be at most ${String(rule)} characters long`,
        );
        break;
      case 'enum':
        checks.push((v) =>
          (rule as unknown[]).includes(v) ? undefined : `must be one of ${(rule as unknown[]).map(String).join(', ')}`,
        );
        break;
      case 'const':
        checks.push((v) => (v === rule ? undefined : `must be ${String(rule)}`));
        break;
      default:
        throw new Error(`${where}: path parameter keyword "${keyword}" is not supported by the client's checker`);
    }
  }
  return (value) => {
    for (const check of checks) {
      const reason = check(value);
      if (reason) return reason;
    }
    return undefined;
  };
}

/** An operation's path parameters, each with its checks: built once per spec, when the first client is created. */
export interface PathRule {
  /** operationId, or "METHOD /path" where the spec gives none. */
  operation: string;
  parameters: { name: string; check: Check }[];
  /** The operation as the generated runtime module gives it (its documented responses, for the client's result). */
  runtime: RuntimeOperation;
}

/** One rule per operation of the spec, by path template then method (upper case): no string is built per call. */
export type PathRules = Map<string, Record<string, PathRule>>;

function pathRules(spec: RuntimeSpec): PathRules {
  const rules: PathRules = new Map();
  for (const [key, operation] of Object.entries(spec.operations)) {
    const space = key.indexOf(' ');
    const [method, template] = [key.slice(0, space), key.slice(space + 1)];
    const parameters = operation.parameters
      .filter((p) => p.in === 'path')
      .map((p) => ({ name: p.name, check: compilePathSchema(p.rule ?? {}, key) }));
    const byMethod = rules.get(template) ?? (Object.create(null) as Record<string, PathRule>);
    byMethod[method] = { operation: operation.id, parameters, runtime: operation };
    rules.set(template, byMethod);
  }
  return rules;
}

const cache = new WeakMap<RuntimeSpec, PathRules>();

/** The path rules of `spec` (see pathRules), built on first use. */
export function pathRulesOf(spec: RuntimeSpec): PathRules {
  let rules = cache.get(spec);
  if (!rules) {
    rules = pathRules(spec);
    cache.set(spec, rules);
  }
  return rules;
}

/**
 * Refuses, before anything is sent (or, for Portabl, a token requested), a call whose path parameters are missing
 * or break their schema: throws PathParameterError. `rule` is the operation's (pathRulesOf); without one the path
 * template is not the spec's, and its placeholders must not be sent either.
 */
export function checkPathParameters(
  rule: PathRule | undefined,
  method: string,
  schemaPath: string,
  params: { path?: Record<string, unknown> } | undefined,
): void {
  if (!rule) {
    const placeholder = /\{([^}]*)\}/.exec(schemaPath);
    // A path template the spec lacks only reaches here through a cast.
    if (placeholder)
      throw new PathParameterError(
        `${method} ${schemaPath}`,
        placeholder[1]!,
        'belongs to a path the spec does not have',
      );
    return;
  }
  if (rule.parameters.length === 0) return;
  const given = params?.path ?? {};
  for (const { name, check } of rule.parameters) {
    if (!Object.hasOwn(given, name) || given[name] === undefined) {
      throw new PathParameterError(rule.operation, name, 'is missing');
    }
    const reason = check(given[name]);
    if (reason) throw new PathParameterError(rule.operation, name, reason);
  }
}
