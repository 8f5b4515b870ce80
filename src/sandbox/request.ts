// Checks one request against its operation's rules (operations.ts) with the spec's own schemas (Ajv2020, the
// validator the clients and the tests use) and answers the values to use, or a refusal whose message names the
// field and the rule. Query strings are parsed with `qs`, so `filter[email]=...` (deepObject) becomes an object.

import { resolveRef, unescapePointerSegment } from '../openapi/document.js';
import type { SpecDocument } from '../spec-document.js';
import type { SchemaIssue, SpecValidator } from '../spec-validator.js';
import type { OperationRule, ParameterRule } from './operations.js';

/** The request does not satisfy the spec: each issue names a field and the rule it breaks. */
export class RequestInvalid extends Error {
  override readonly name = 'RequestInvalid';
  constructor(readonly issues: readonly string[]) {
    super(issues.join('; '));
  }
}

export interface CheckedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

// Ajv keywords that only say "a subschema failed": the failing subschema's own issue says more.
const SUMMARY_KEYWORDS =
  /^must match ("then"|"else") schema|^must match exactly one schema in oneOf|^must match a schema in anyOf|^must pass "\w+" keyword validation/;

/** `/address/state` → `address.state`, `/documents/0/url` → `documents[0].url`. */
function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(unescapePointerSegment)
    .reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

/** Turns Ajv issues (see spec-validator.ts: message, then the params as JSON) into "field: rule" sentences. */
export function describeIssues(where: (path: string) => string, issues: readonly SchemaIssue[]): string[] {
  const sentences: string[] = [];
  for (const issue of issues) {
    const split = issue.message.indexOf(' {"');
    const message = split === -1 ? issue.message : issue.message.slice(0, split);
    if (SUMMARY_KEYWORDS.test(message)) continue;
    let params: Record<string, unknown> = {};
    try {
      if (split !== -1) params = JSON.parse(issue.message.slice(split + 1)) as Record<string, unknown>;
    } catch {
      params = {};
    }
    const base = dotted(issue.path);
    const child = (name: unknown) => (base ? `${base}.${String(name)}` : String(name));
    let sentence: string;
    if (params['missingProperty'] !== undefined) sentence = `${where(child(params['missingProperty']))}: is required`;
    else if (params['additionalProperty'] !== undefined)
      sentence = `${where(child(params['additionalProperty']))}: is not a known property (unknown properties are refused)`;
    else if (params['unevaluatedProperty'] !== undefined)
      sentence = `${where(child(params['unevaluatedProperty']))}: is not a known property (unknown properties are refused)`;
    else if (params['allowedValues'] !== undefined)
      sentence = `${where(base)}: must be one of ${(params['allowedValues'] as unknown[]).join(', ')}`;
    else if (params['allowedValue'] !== undefined)
      sentence = `${where(base)}: must be ${JSON.stringify(params['allowedValue'])}`;
    else if (params['pattern'] !== undefined)
      sentence = `${where(base)}: must match the pattern ${String(params['pattern'])}`;
    else sentence = `${where(base)}: ${message}`;
    if (!sentences.includes(sentence)) sentences.push(sentence);
  }
  if (sentences.length === 0 && issues.length > 0) sentences.push(`${where('')}: ${issues[0]!.message}`);
  return sentences.slice(0, 5);
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  return undefined;
}

/** A query or path string read as the type its schema declares; left as it is when it is not one (Ajv then says so). */
function coerce(value: unknown, type: string | undefined): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value) && value.length < 16)
    return Number(value);
  return value;
}

function parameterLabel(rule: ParameterRule, path: string): string {
  if (rule.in === 'query' && rule.style === 'deepObject') {
    const [first, ...rest] = path.split('.');
    return first
      ? `query parameter ${rule.name}[${first}]${rest.length ? `.${rest.join('.')}` : ''}`
      : `query parameter ${rule.name}`;
  }
  return `${rule.in} parameter ${rule.name}${path ? `.${path}` : ''}`;
}

// The query parameter names of each operation, built once rather than on every request.
const queryNamesOf = new WeakMap<OperationRule, ReadonlySet<string>>();
function queryNames(operation: OperationRule): ReadonlySet<string> {
  let names = queryNamesOf.get(operation);
  if (!names) {
    names = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    queryNamesOf.set(operation, names);
  }
  return names;
}

export function checkRequest(
  spec: SpecDocument,
  validator: SpecValidator,
  operation: OperationRule,
  raw: { path: Record<string, string>; query: Record<string, unknown>; body: unknown; bodyPresent: boolean },
): CheckedRequest {
  const issues: string[] = [];
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const known = queryNames(operation);
  for (const name of Object.keys(raw.query)) {
    if (!known.has(name)) {
      issues.push(
        known.size
          ? `query parameter ${name}: is not documented for ${operation.operationId} (known: ${[...known].join(', ')})`
          : `query parameter ${name}: ${operation.operationId} takes no query parameters`,
      );
    }
  }
  for (const rule of operation.parameters) {
    if (rule.in !== 'path' && rule.in !== 'query') continue;
    let value: unknown = rule.in === 'path' ? raw.path[rule.name] : raw.query[rule.name];
    if (value === undefined) {
      if (rule.required) issues.push(`${parameterLabel(rule, '')}: is required`);
      continue;
    }
    if (rule.in === 'query' && rule.style === 'deepObject') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push(`${parameterLabel(rule, '')}: must be sent as ${rule.name}[<key>]=<value> (deepObject)`);
        continue;
      }
      const properties = (rule.schema['properties'] ?? {}) as Record<string, unknown>;
      value = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, v]) => {
          const property = resolveRef(spec, properties[key]) as Record<string, unknown> | undefined;
          return [key, coerce(v, property ? typeOf(property) : undefined)];
        }),
      );
    } else {
      if (typeof value !== 'string') {
        issues.push(`${parameterLabel(rule, '')}: must be sent once, as a single value`);
        continue;
      }
      value = coerce(value, typeOf(rule.schema));
    }
    const found = validator.validate(rule.schemaPointer, value);
    if (found.length) issues.push(...describeIssues((p) => parameterLabel(rule, p), found));
    else (rule.in === 'path' ? path : query)[rule.name] = value;
  }
  let body: unknown;
  if (operation.body) {
    if (!raw.bodyPresent) {
      if (operation.body.required) issues.push('body: is required (a JSON object)');
    } else {
      body = raw.body;
      let pointer = operation.body.schemaPointer;
      const discriminator = operation.body.discriminator;
      if (discriminator && body && typeof body === 'object' && !Array.isArray(body)) {
        // The branch the discriminator names, so that its issues are reported alone rather than every branch's.
        const chosen = (body as Record<string, unknown>)[discriminator.propertyName];
        const mapped = typeof chosen === 'string' ? discriminator.mapping[chosen] : undefined;
        if (mapped) pointer = mapped;
        else {
          issues.push(
            `body.${discriminator.propertyName}: must be one of ${Object.keys(discriminator.mapping).join(', ')}`,
          );
          pointer = '';
        }
      }
      if (pointer) {
        const found = validator.validate(pointer, body);
        issues.push(...describeIssues((p) => (p ? `body.${p}` : 'body'), found));
      }
    }
  } else if (raw.bodyPresent) {
    issues.push(`body: ${operation.operationId} takes no request body`);
  }
  if (issues.length) throw new RequestInvalid(issues);
  return { path, query, body };
}
