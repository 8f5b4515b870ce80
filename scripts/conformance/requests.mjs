// Requests for one operation: valid ones generated from its schemas (and proven valid by Ajv before they are
// sent), negative ones that break exactly one rule of a valid one, and ones without (or with a made-up) credential.
import fc from 'fast-check';
import { resolveRef } from '../../src/openapi/document.js';
import { flattenObject, schemaArbitrary } from './schema-arbitrary.mjs';

/**
 * @typedef {object} ConformanceRequest
 * @property {string} operationId
 * @property {string} method
 * @property {string} path                       the template
 * @property {Record<string, unknown>} pathParams
 * @property {Record<string, unknown>} query      parameter name → value (an object for deepObject)
 * @property {Record<string, string>} headers     header parameters (not the credential)
 * @property {unknown} [body]                     absent when none is sent
 * @property {'valid' | 'missing' | 'wrong'} credential
 * @property {{rule: string, where: string}} [broken]  set on a negative request: the one rule it breaks
 */

const IN = { path: 'pathParams', query: 'query', header: 'headers' };

/**
 * Everything Ajv finds wrong with a request: each parameter against its schema, and the body.
 * @returns {string[]} empty for a valid request
 */
export function requestIssues(model, validator, request) {
  const issues = [];
  for (const parameter of model.parameters) {
    const bag = request[IN[parameter.in]];
    if (!bag) continue;
    if (!(parameter.name in bag)) {
      if (parameter.required) issues.push(`${parameter.in} ${parameter.name}: required`);
      continue;
    }
    for (const e of validator.check(parameter.schema, bag[parameter.name]))
      issues.push(`${parameter.in} ${parameter.name}${e.message.replace('(root)', '')}`);
  }
  for (const bag of ['pathParams', 'query', 'headers']) {
    for (const name of Object.keys(request[bag])) {
      const known = model.parameters.some((p) => IN[p.in] === bag && p.name === name);
      if (!known) issues.push(`${bag} ${name}: not a parameter of the operation`);
    }
  }
  if (model.body) {
    if (!('body' in request)) {
      if (model.body.required) issues.push('body: required');
    } else {
      for (const e of validator.check(model.body.schema, request.body)) issues.push(`body ${e.message}`);
    }
  } else if ('body' in request) issues.push('body: the operation takes none');
  return issues;
}

/** Header values travel as text: a generated non-string becomes its JSON text. */
const asHeader = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Requests that follow the contract, each checked by Ajv (requestIssues) before it is yielded.
 * @returns {import('fast-check').Arbitrary<ConformanceRequest>}
 */
export function validRequestArbitrary(doc, model, validator, { now }) {
  const options = { matches: (schema, value) => validator.matches(schema, value), now };
  const bags = { pathParams: {}, query: {}, headers: {} };
  const required = { pathParams: [], query: [], headers: [] };
  for (const parameter of model.parameters) {
    const bag = IN[parameter.in];
    if (!bag) continue; // cookies: neither API has any
    const arbitrary = schemaArbitrary(doc, parameter.schema, options);
    bags[bag][parameter.name] = bag === 'headers' ? arbitrary.map(asHeader) : arbitrary;
    if (parameter.required) required[bag].push(parameter.name);
  }
  const record = (bag) => fc.record(bags[bag], { requiredKeys: required[bag] });
  const body = model.body
    ? model.body.required
      ? schemaArbitrary(doc, model.body.schema, options).map((value) => ({ body: value }))
      : fc
          .option(schemaArbitrary(doc, model.body.schema, options), { nil: undefined, freq: 4 })
          .map((value) => (value === undefined ? {} : { body: value }))
    : fc.constant({});
  return fc
    .tuple(record('pathParams'), record('query'), record('headers'), body)
    .map(([pathParams, query, headers, bodyPart]) => ({
      operationId: model.operationId,
      method: model.method,
      path: model.path,
      pathParams,
      query,
      headers,
      ...bodyPart,
      credential: /** @type {const} */ ('valid'),
    }))
    .filter((request) => requestIssues(model, validator, request).length === 0);
}

// ---- negative requests: one rule broken ----------------------------------------------------------------------

const PATTERN_BREAKERS = ['', ' ', '\u0001', '\n', 'in:x', '!', '~', 'a', 'A', '0', '::', 'é'];
const BAD_FORMATS = {
  uuid: 'not-a-uuid',
  email: 'not-an-email',
  date: '2020-13-01',
  'date-time': '2020-01-01',
  uri: 'not a uri',
};

function stringBreaks(schema, value) {
  const out = [];
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength;
  const withinLength = (s) => s.length >= minLength && (maxLength === undefined || s.length <= maxLength);
  if (pattern) {
    const breaker = PATTERN_BREAKERS.find((s) => !pattern.test(s) && withinLength(s));
    if (breaker !== undefined) out.push({ rule: 'pattern', value: breaker });
  }
  if (minLength > 0) out.push({ rule: 'length', value: value.slice(0, minLength - 1) });
  if (maxLength !== undefined && maxLength < 10_000) {
    const unit = value.length > 0 ? value[value.length - 1] : 'a';
    out.push({ rule: 'length', value: value + unit.repeat(maxLength + 1 - value.length) });
  }
  if (schema.format && BAD_FORMATS[schema.format] !== undefined && withinLength(BAD_FORMATS[schema.format])) {
    out.push({ rule: 'format', value: BAD_FORMATS[schema.format] });
  }
  return out;
}

/**
 * Every way to break one rule at `value` (of schema `rawSchema`), as {rule, where, replace(root)} edits.
 * `typed`: false for path and query values, which travel as text (a number there is just other text).
 */
function breaksAt(doc, validator, rawSchema, value, where, typed) {
  const schema = resolveRef(doc, rawSchema) ?? {};
  const edits = [];
  const at = (rule, newValue) => edits.push({ rule, where, value: newValue });
  if ('const' in schema) at('enum', typeof schema.const === 'string' ? `not-${schema.const}` : null);
  if (Array.isArray(schema.enum)) at('enum', '__not_in_enum__');
  const branches = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(branches)) {
    const discriminator = schema.discriminator;
    if (discriminator && value && typeof value === 'object' && !Array.isArray(value)) {
      edits.push({
        rule: 'discriminator',
        where: `${where}/${discriminator.propertyName}`,
        value: '__unknown_kind__',
        key: discriminator.propertyName,
        parent: where,
      });
    }
    const branch = branches.find((b) => validator.matches(b, value));
    if (branch) edits.push(...breaksAt(doc, validator, branch, value, where, typed));
    return edits;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const view = flattenObject(doc, schema);
    if (typed) at('type', []);
    for (const key of view.required)
      if (key in value) edits.push({ rule: 'required', where: `${where}/${key}`, remove: key, parent: where });
    if (view.closed)
      edits.push({
        rule: 'additionalProperties',
        where: `${where}/unexpectedProperty`,
        add: 'unexpectedProperty',
        parent: where,
      });
    const overrides = {};
    for (const conditional of view.conditionals) {
      if (!validator.matches(conditional.if, value)) continue;
      const thenView = flattenObject(doc, conditional.then);
      for (const key of thenView.required) {
        if (key in value && !view.required.has(key))
          edits.push({ rule: 'if/then', where: `${where}/${key}`, remove: key, parent: where });
      }
      for (const [key, schemas] of Object.entries(thenView.properties)) {
        const specific = schemas.find((s) => Object.keys(resolveRef(doc, s) ?? {}).length > 0);
        if (specific) overrides[key] = specific;
      }
    }
    for (const [key, child] of Object.entries(value)) {
      const schemas = view.properties[key];
      if (!schemas && !overrides[key]) continue;
      const specific =
        overrides[key] ??
        schemas.find((s) => 'const' in (resolveRef(doc, s) ?? {})) ??
        schemas.filter((s) => Object.keys(resolveRef(doc, s) ?? {}).length > 0).at(-1);
      if (specific) edits.push(...breaksAt(doc, validator, specific, child, `${where}/${key}`, typed));
    }
    return edits;
  }
  if (Array.isArray(value)) {
    if (typed) at('type', {});
    if (schema.maxItems !== undefined && value.length > 0 && schema.maxItems < 1000) {
      at(
        'length',
        Array.from({ length: schema.maxItems + 1 }, (_, i) => value[i % value.length]),
      );
    }
    if (schema.minItems > 0) at('length', []);
    value.forEach((item, i) => {
      edits.push(...breaksAt(doc, validator, schema.items ?? {}, item, `${where}/${i}`, typed));
    });
    return edits;
  }
  if (typeof value === 'string') {
    if (typed) at('type', 12345);
    if (!Array.isArray(schema.enum) && !('const' in schema))
      for (const b of stringBreaks(schema, value)) at(b.rule, b.value);
  } else if (typeof value === 'number') {
    at('type', typed ? String(value) : 'not-a-number');
    if (schema.minimum !== undefined) at('range', schema.minimum - 1);
    if (schema.maximum !== undefined) at('range', schema.maximum + 1);
  } else if (typeof value === 'boolean') {
    at('type', typed ? 'true' : 'not-a-boolean');
  }
  return edits;
}

/** Applies an edit located by a JSON-pointer-like `where` below one of the request's bags. */
function applyEdit(request, bag, edit) {
  const copy = structuredClone(request);
  const segments = (edit.parent ?? edit.where).split('/').slice(1);
  const structural = edit.parent !== undefined; // '' is the bag's root
  const last = structural ? undefined : segments.pop();
  let holder = copy;
  let key = bag;
  for (const segment of segments) {
    holder = holder[key];
    key = segment;
  }
  if (structural) {
    const target = holder[key];
    if (edit.remove !== undefined) delete target[edit.remove];
    else if (edit.add !== undefined) target[edit.add] = 'x';
    else target[edit.key] = edit.value;
  } else if (last === undefined) {
    holder[key] = edit.value;
  } else {
    holder[key][last] = edit.value;
  }
  return copy;
}

/**
 * All the single-rule edits of a valid request, each as a new request with `broken` set. Not yet checked: an edit
 * can happen to leave the request valid (see negativeRequestArbitrary).
 * @returns {ConformanceRequest[]}
 */
export function negativeCandidates(doc, model, validator, request) {
  const variants = [];
  const push = (bag, edit, label) =>
    variants.push({ ...applyEdit(request, bag, edit), broken: { rule: edit.rule, where: label } });
  for (const parameter of model.parameters) {
    const bag = IN[parameter.in];
    if (!bag) continue;
    const present = parameter.name in request[bag];
    if (parameter.required && present && parameter.in !== 'path') {
      push(
        bag,
        { rule: 'required', where: `/${parameter.name}`, remove: parameter.name, parent: '' },
        `${parameter.in} ${parameter.name}`,
      );
    }
    if (!present) continue;
    // Path, query and header values travel as text: breaking their "type" means text that does not parse.
    for (const edit of breaksAt(
      doc,
      validator,
      parameter.schema,
      request[bag][parameter.name],
      `/${parameter.name}`,
      false,
    )) {
      // An empty path segment changes the route, not the parameter.
      if (parameter.in === 'path' && (edit.value === '' || edit.value === ' ')) continue;
      push(bag, edit, `${parameter.in} ${edit.where.slice(1).replace(/\//g, '.')}`);
    }
  }
  if (model.body && 'body' in request) {
    for (const edit of breaksAt(doc, validator, model.body.schema, request.body, '', true)) {
      push('body', edit, `body ${edit.where || '(root)'}`);
    }
    if (model.body.required) {
      const { body: _dropped, ...withoutBody } = structuredClone(request);
      variants.push({ ...withoutBody, broken: { rule: 'required', where: 'body' } });
    }
  }
  return variants;
}

/**
 * Requests that break exactly one rule of a valid one (type, required, enum, pattern, length, range, format,
 * additionalProperties, if/then, discriminator); `rulePick` and `pick` choose which, so that fast-check can shrink
 * them. Only an edit Ajv really refuses is kept: the first from the chosen one on.
 * @returns {import('fast-check').Arbitrary<ConformanceRequest>}
 */
export function negativeRequestArbitrary(doc, model, validator, options) {
  return fc
    .tuple(validRequestArbitrary(doc, model, validator, options), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }))
    .map(([request, rulePick, pick]) => {
      // The rule first, then the place: every kind of rule gets its share, however many places a body offers.
      const candidates = negativeCandidates(doc, model, validator, request);
      const rules = [...new Set(candidates.map((c) => c.broken.rule))];
      const rule = rules[rulePick % rules.length];
      const ordered = [
        ...candidates.filter((c) => c.broken.rule === rule),
        ...candidates.filter((c) => c.broken.rule !== rule),
      ];
      const first = candidates.filter((c) => c.broken.rule === rule).length;
      for (let i = 0; i < ordered.length; i++) {
        const candidate = ordered[i < first ? (pick + i) % first : i];
        if (requestIssues(model, validator, candidate).length > 0) return candidate;
      }
      return undefined;
    })
    .filter((request) => request !== undefined);
}

/**
 * Valid requests sent without their credential or with a made-up one (when the target checks credential values).
 * @returns {import('fast-check').Arbitrary<ConformanceRequest>}
 */
export function unauthenticatedRequestArbitrary(doc, model, validator, options, { wrongCredentials }) {
  return fc
    .tuple(
      validRequestArbitrary(doc, model, validator, options),
      wrongCredentials ? fc.constantFrom('missing', 'wrong') : fc.constant('missing'),
    )
    .map(([request, credential]) => ({ ...request, credential }));
}

/** Whether a negative request can exist for the operation at all (it has a parameter or a body to break). */
export function canBreak(model) {
  return model.parameters.some((p) => IN[p.in]) || model.body !== undefined;
}
