// How large and how deep a valid request body can be, derived from its schema's bounds (maxLength, maxItems,
// enum, const, the properties an object may have). The mock refuses a bigger or deeper body before parsing or
// validating it, so that the work one request costs is bounded by the spec rather than by the sender.
import { resolveRef } from '../../src/openapi/document.js';

// Bytes one character of a string may take in compact JSON: a control character is escaped as \u00XX (6 bytes),
// and a code point outside the BMP is 4 bytes of UTF-8 (or two \uXXXX escapes, 12 bytes, from an encoder that
// escapes everything). 12 covers every encoder.
const BYTES_PER_CHARACTER = 12;
// Lengths of values whose format fixes them, for strings the spec bounds by format rather than maxLength.
const FORMAT_LENGTHS = { uuid: 36, date: 10, 'date-time': 64, time: 32, email: 320, int32: 11, int64: 20 };
const NUMBER_BYTES = 32;

/** Thrown when a schema has no bound: the body limit cannot be derived, and the spec should gain one. */
export class UnboundedSchemaError extends Error {}

/**
 * The most bytes a valid value of `schema` takes in compact JSON (JSON.stringify), and how deeply it nests
 * (0 for a scalar, 1 for an object of scalars), and how many JSON values it holds at most (itself included).
 * @param {object} doc     the bundled OpenAPI document the schema's `$ref`s point into
 * @param {object} schema  a Schema Object (or a `$ref` to one)
 * @param {string} where   how errors name the schema, e.g. `createIdentity request body`
 * @returns {{bytes: number, depth: number, values: number}}
 * @throws {UnboundedSchemaError} naming the first place without a bound
 * @example maxJsonSize(doc, op.requestBody.content['application/json'].schema, 'createIdentity') // {bytes: 898211, depth: 3, values: 151}
 */
export function maxJsonSize(doc, schema, where, seen = new Set()) {
  if (schema === true || schema === undefined) throw new UnboundedSchemaError(`${where}: a schema without bounds`);
  if (schema === false) return { bytes: 0, depth: 0, values: 0 };
  if (typeof schema.$ref === 'string') {
    if (seen.has(schema.$ref)) throw new UnboundedSchemaError(`${where}: ${schema.$ref} is recursive`);
    return maxJsonSize(doc, resolveRef(doc, schema), `${where} → ${schema.$ref}`, new Set([...seen, schema.$ref]));
  }
  if ('const' in schema)
    return { bytes: JSON.stringify(schema.const).length * BYTES_PER_CHARACTER, depth: 0, values: 1 };
  if (Array.isArray(schema.enum)) {
    return {
      bytes: Math.max(...schema.enum.map((v) => JSON.stringify(v).length * BYTES_PER_CHARACTER)),
      depth: 0,
      values: 1,
    };
  }
  const parts = [ownSize(doc, schema, where, seen)];
  for (const sub of schema.allOf ?? []) parts.push(maxJsonSize(doc, sub, `${where} allOf`, seen));
  const alternatives = [
    ...(schema.oneOf ?? []),
    ...(schema.anyOf ?? []),
    ...['then', 'else'].flatMap((k) => (schema[k] ? [schema[k]] : [])),
  ];
  if (alternatives.length > 0) {
    const sizes = alternatives.map((sub) => maxJsonSize(doc, sub, `${where} branch`, seen));
    parts.push(largest(sizes));
  }
  return {
    bytes: parts.reduce((sum, p) => sum + p.bytes, 0),
    depth: Math.max(...parts.map((p) => p.depth)),
    values: parts.reduce((sum, p) => sum + p.values, 0),
  };
}

const largest = (sizes) => ({
  bytes: Math.max(...sizes.map((s) => s.bytes)),
  depth: Math.max(...sizes.map((s) => s.depth)),
  values: Math.max(...sizes.map((s) => s.values)),
});

function typesOf(schema) {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

function ownSize(doc, schema, where, seen) {
  const sizes = typesOf(schema).map((type) => {
    switch (type) {
      case 'null':
      case 'boolean':
        return { bytes: 5, depth: 0, values: 1 };
      case 'integer':
      case 'number':
        return { bytes: NUMBER_BYTES, depth: 0, values: 1 };
      case 'string': {
        const length = schema.maxLength ?? FORMAT_LENGTHS[schema.format];
        if (length === undefined) throw new UnboundedSchemaError(`${where}: a string without maxLength`);
        return { bytes: 2 + length * BYTES_PER_CHARACTER, depth: 0, values: 1 };
      }
      case 'array': {
        if (schema.maxItems === undefined) throw new UnboundedSchemaError(`${where}: an array without maxItems`);
        const item = maxJsonSize(doc, schema.items, `${where} items`, seen);
        return {
          bytes: 2 + schema.maxItems * (item.bytes + 1),
          depth: 1 + item.depth,
          values: 1 + schema.maxItems * item.values,
        };
      }
      case 'object': {
        const open = schema.additionalProperties !== false && schema.unevaluatedProperties !== false;
        // An open object inside a closed one (allOf members) is bounded by the closed one's own properties.
        const composed = ['allOf', 'oneOf', 'anyOf'].some((k) => Array.isArray(schema[k]));
        if (open && !schema.properties && !composed)
          throw new UnboundedSchemaError(`${where}: an object without properties`);
        const members = Object.entries(schema.properties ?? {}).map(([name, sub]) => {
          const value = maxJsonSize(doc, sub, `${where}.${name}`, seen);
          return {
            bytes: JSON.stringify(name).length * BYTES_PER_CHARACTER + 2 + value.bytes,
            depth: value.depth,
            values: value.values,
          };
        });
        return {
          bytes: 2 + members.reduce((sum, m) => sum + m.bytes, 0),
          depth: 1 + Math.max(0, ...members.map((m) => m.depth)),
          values: 1 + members.reduce((sum, m) => sum + m.values, 0),
        };
      }
      default:
        throw new UnboundedSchemaError(`${where}: type ${type} has no bound`);
    }
  });
  if (sizes.length === 0) return { bytes: 0, depth: 0, values: 0 };
  return largest(sizes);
}

/**
 * The deepest nesting of arrays and objects in a JSON text and a bound on how many values it holds (separators and
 * containers counted), found without parsing it (strings are skipped): a hostile body of a million brackets or
 * numbers costs one pass, no recursion and no validation error per value.
 * @param {string} text
 * @returns {{depth: number, values: number}}
 */
export function jsonShape(text) {
  let depth = 0;
  let deepest = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      deepest = Math.max(deepest, ++depth);
      values++;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c) values++;
  }
  return { depth: deepest, values };
}
