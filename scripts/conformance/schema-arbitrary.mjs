// fast-check arbitraries for the values a JSON Schema 2020-12 (as the bundles write it) accepts: the generator
// behind every valid request of the conformance runner. It knows the keywords the two specs use; whatever it makes is
// still checked by Ajv before it is sent (request-validity.mjs), so a keyword it misreads shows up as a refused
// value, never as an invalid request sent as a valid one.
import fc from 'fast-check';
import { resolveRef } from '../../src/openapi/document.js';

// Small values shrink fast and keep a run cheap; the length rules themselves are probed by the negative requests.
const MAX_GENERATED_LENGTH = 24;
const MAX_GENERATED_ITEMS = 2;
const DAY_MS = 86_400_000;

/**
 * Merges `allOf` members into one object view (properties, required, closed-ness, if/then rules), which is how the
 * specs use `allOf`: to extend an object schema.
 * @param {object} doc the bundled OpenAPI document
 * @param {object} rawSchema a schema or a local `$ref`
 * @returns {{properties: Record<string, object[]>, required: Set<string>, closed: boolean, conditionals: {if: object, then: object}[]}}
 */
export function flattenObject(doc, rawSchema) {
  const view = { properties: {}, required: new Set(), closed: false, conditionals: [] };
  const visit = (raw) => {
    const schema = resolveRef(doc, raw);
    if (!schema || typeof schema !== 'object') return;
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      view.properties[name] ??= [];
      view.properties[name].push(sub);
    }
    for (const name of schema.required ?? []) view.required.add(name);
    if (schema.additionalProperties === false || schema.unevaluatedProperties === false) view.closed = true;
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords, not a thenable
    if (schema.if && schema.then) view.conditionals.push({ if: schema.if, then: schema.then });
    for (const member of schema.allOf ?? []) visit(member);
  };
  visit(rawSchema);
  return view;
}

/** The most specific of several schemas for one property: a `$ref` or a typed schema wins over `{}`. */
function mostSpecific(doc, schemas) {
  const meaningful = schemas.filter((s) => Object.keys(resolveRef(doc, s) ?? {}).length > 0);
  if (meaningful.length === 0) return {};
  // `const` narrows a shared definition (a request's `type: {const: person}` over IdentityFields' enum).
  return meaningful.find((s) => 'const' in (resolveRef(doc, s) ?? {})) ?? meaningful[meaningful.length - 1];
}

function typeOf(schema) {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? 'null';
  if (schema.type) return schema.type;
  if (schema.properties || schema.allOf || schema.required) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

function formatArbitrary(schema, now) {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'email':
      // Plain addresses every email validator accepts; fast-check's own include RFC corner cases that some refuse.
      return fc
        .tuple(
          fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/),
          fc.constantFrom('example.com', 'example.org', 'test.example'),
        )
        .map(([local, domain]) => `${local}@${domain}`);
    case 'date': {
      // x-age-range (Identities' birthday): the server refuses ages outside it, a rule outside the schema.
      const range = schema['x-age-range'];
      if (range) {
        const year = 365.25 * DAY_MS;
        return fc
          .integer({ min: now - (range.max - 0.01) * year, max: now - (range.min + 0.01) * year })
          .map((ms) => isoDate(ms));
      }
      return fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => isoDate(ms));
    }
    case 'date-time':
      return fc
        .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) })
        .map((ms) => new Date(ms).toISOString());
    case 'uri':
      return fc.stringMatching(/^[a-z]{1,10}$/).map((host) => `https://${host}.example/${host}`);
    default:
      return undefined;
  }
}

function stringArbitrary(schema, now) {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Infinity;
  const fits = (s) => s.length >= minLength && s.length <= maxLength;
  const byFormat = formatArbitrary(schema, now);
  let base;
  if (byFormat) base = byFormat;
  else if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const plain = () =>
      fc
        .string({ minLength: Math.max(1, minLength), maxLength: Math.min(maxLength, MAX_GENERATED_LENGTH) })
        .filter((s) => pattern.test(s));
    // Negated classes ("no control characters") make fast-check's stringMatching slow, and lookaheads are beyond
    // it: printable strings kept when the pattern accepts them serve both (nearly all pass).
    if (/\[\^|\(\?[=!]/.test(schema.pattern)) base = plain();
    else {
      try {
        base = fc.stringMatching(pattern);
      } catch {
        base = plain();
      }
    }
  } else {
    base = fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, MAX_GENERATED_LENGTH)) });
  }
  if (schema.pattern && byFormat) {
    const pattern = new RegExp(schema.pattern, 'u');
    base = base.filter((s) => pattern.test(s));
  }
  return base.filter(fits);
}

function numberArbitrary(schema, integer) {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * The object arbitrary: required properties always, optional ones sometimes; `if`/`then` rules applied after
 * generation (a value that meets an `if` gets the `then` part generated for it).
 */
function objectArbitrary(doc, rawSchema, options) {
  const view = flattenObject(doc, rawSchema);
  /** @type {Record<string, import('fast-check').Arbitrary<unknown>>} */
  const model = {};
  for (const [name, schemas] of Object.entries(view.properties))
    model[name] = schemaArbitrary(doc, mostSpecific(doc, schemas), options);
  const requiredKeys = [...view.required].filter((name) => name in model);
  const plainRecord = fc.record(model, { requiredKeys });
  if (view.conditionals.length === 0) return plainRecord;
  // An `if` on a `const` (a US address needs a state) is rarely met by chance: half the values are steered into
  // one of the `if`s by setting its constants, so that the `then` part is exercised too.
  const steered = view.conditionals
    .map(({ if: condition }) =>
      Object.entries(resolveRef(doc, condition).properties ?? {}).filter(
        ([name, sub]) => name in model && 'const' in sub,
      ),
    )
    .filter((consts) => consts.length > 0)
    .map((consts) =>
      plainRecord.map((value) => ({ ...value, ...Object.fromEntries(consts.map(([name, sub]) => [name, sub.const])) })),
    );
  const record = steered.length > 0 ? fc.oneof(plainRecord, ...steered) : plainRecord;
  // For each conditional: the values its `then` needs, generated alongside, and used only when the `if` holds.
  const thenParts = view.conditionals.map(({ then }) => {
    const thenView = flattenObject(doc, then);
    const parts = {};
    for (const name of new Set([...thenView.required, ...Object.keys(thenView.properties)])) {
      const specific = mostSpecific(doc, [...(thenView.properties[name] ?? []), ...(view.properties[name] ?? [])]);
      const thenSchemas = (thenView.properties[name] ?? []).filter(
        (s) => Object.keys(resolveRef(doc, s) ?? {}).length > 0,
      );
      parts[name] = {
        arbitrary: schemaArbitrary(doc, thenSchemas.length ? thenSchemas[0] : specific, options),
        replace: thenSchemas.length > 0,
      };
    }
    return parts;
  });
  const extras = fc.tuple(
    ...thenParts.map((parts) => fc.record(Object.fromEntries(Object.entries(parts).map(([k, p]) => [k, p.arbitrary])))),
  );
  return fc.tuple(record, extras).map(([value, extraValues]) => {
    const out = { ...value };
    view.conditionals.forEach((conditional, i) => {
      if (!options.matches(conditional.if, out)) return;
      for (const [name, part] of Object.entries(thenParts[i])) {
        if (part.replace || !(name in out)) out[name] = extraValues[i][name];
      }
    });
    return out;
  });
}

/**
 * An arbitrary of values valid against `rawSchema` (almost always: the caller filters with Ajv).
 * @param {object} doc the bundled OpenAPI document the schema's `$ref`s point into
 * @param {object} rawSchema a schema object or `{ $ref: '#/components/schemas/...' }`
 * @param {{matches(schema: object, value: unknown): boolean, now: number}} options `matches` judges an `if`
 *   subschema (Ajv); `now` (ms since the epoch) anchors `x-age-range` dates, so a run is reproducible for a day
 * @returns {import('fast-check').Arbitrary<unknown>}
 * @example schemaArbitrary(doc, { $ref: '#/components/schemas/Address' }, { matches, now: Date.now() })
 */
export function schemaArbitrary(doc, rawSchema, options) {
  const schema = resolveRef(doc, rawSchema) ?? {};
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const branches = (schema.oneOf ?? schema.anyOf).map((branch) => schemaArbitrary(doc, branch, options));
    return fc.oneof(...branches);
  }
  switch (typeOf(schema)) {
    case 'object':
      return objectArbitrary(doc, schema, options);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS));
      const items = schemaArbitrary(doc, schema.items ?? {}, options);
      return schema.uniqueItems
        ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { minLength, maxLength });
    }
    case 'string':
      return stringArbitrary(schema, options.now);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
  }
}
