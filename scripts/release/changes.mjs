// Turns Redocly's diff report into the gate's list of changes: each with its operation, direction (request or
// response), Redocly's rating and the gate's rating. Where Redocly rates a change wrongly for this project, one of
// the rules below corrects it and names itself in `correctedBy`, so that the diff shows both ratings.
import {
  escapePointerSegment,
  HTTP_METHODS,
  operationsIn,
  operationsOf,
  reachableRefs,
  resolveRef,
  unescapePointerSegment,
} from '../../src/openapi/document.js';
import { actionFor } from './caller-actions.mjs';
import { isDate } from './deprecations.mjs';

/** @typedef {'patch' | 'minor' | 'major'} Rating */
/**
 * One contract change, rated.
 * @typedef {object} RatedChange
 * @property {string} operation
 * @property {string[]} operations every operation the change reaches in its direction (the first is `operation`)
 * @property {'request' | 'response' | 'operation' | 'document'} direction
 * @property {string} kind
 * @property {string} location
 * @property {string} rule
 * @property {string} message
 * @property {Rating | 'none'} redoclyRating Redocly's impact, or `none` for a change Redocly does not report
 * @property {Rating} rating
 * @property {string} pointer
 * @property {string} [correctedBy]
 * @property {string} [why]
 * @property {string} [refused]
 * @property {string} [action]
 */

export const RATINGS = ['patch', 'minor', 'major'];
export const ratingRank = (rating) => RATINGS.indexOf(rating);
/** The largest of some ratings, or undefined for none. */
export const largestRating = (ratings) =>
  ratings.reduce((max, r) => (max === undefined || ratingRank(r) > ratingRank(max) ? r : max), undefined);

/**
 * Where a change sits: its operation (method, path) and what lies below it, from Redocly's `#/paths/...` path.
 * @param {string} changePath
 * @returns {{ path?: string, method?: string, rest: string[], direction: RatedChange['direction'] }}
 */
export function locate(changePath) {
  const segments = changePath.replace(/^#\/?/, '').split('/').map(unescapePointerSegment);
  if (segments[0] !== 'paths' || segments.length < 2)
    return { path: undefined, method: undefined, rest: segments, direction: 'document' };
  const [, path, maybeMethod, ...rest] = segments;
  const method = /** @type {readonly string[]} */ (HTTP_METHODS).includes(maybeMethod) ? maybeMethod : undefined;
  const below = method ? rest : [maybeMethod, ...rest].filter((s) => s !== undefined);
  const direction = below.includes('responses')
    ? 'response'
    : below.includes('requestBody') || below.includes('parameters')
      ? 'request'
      : 'operation';
  return { path, method, rest: below, direction };
}

/**
 * `GET /identities/{id} (getIdentity)` or `/identities/{id}` (a whole path item) or `document`.
 * @param {Record<string, any>[]} docs
 * @param {{ path?: string, method?: string }} where
 */
function operationLabel(docs, { path, method }) {
  if (path === undefined) return 'document';
  if (method === undefined) return path;
  const operation = docs.map((d) => d.paths?.[path]?.[method]).find(Boolean);
  return `${method.toUpperCase()} ${path}${operation?.operationId ? ` (${operation.operationId})` : ''}`;
}

// ---- the gate's corrections of Redocly's ratings ----------------------------------------------------------------

/** Deprecating something (`deprecated: true`, its `x-sunset` date) announces a removal: minor, not patch. */
function deprecation(change) {
  if (
    change.kind === 'modified' &&
    (change.property === 'deprecated' || change.property === 'x-sunset') &&
    change.revision?.value !== undefined &&
    change.revision.value !== false
  ) {
    return {
      rating: 'minor',
      rule: 'deprecation',
      why: 'a deprecation (with its sunset date) is a new announcement callers must act on',
    };
  }
  return undefined;
}

const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties'];
const LOWER_BOUNDS = ['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties'];

/** A request bound that widens lets callers send more than before: a feature (minor), not wording (patch). */
function widenedRequestBound(change, where) {
  if (where.direction !== 'request' || change.kind !== 'modified') return undefined;
  const before = change.base?.value;
  const after = change.revision?.value;
  if (typeof before !== 'number' || typeof after !== 'number') return undefined;
  const widened =
    (UPPER_BOUNDS.includes(change.property) && after > before) ||
    (LOWER_BOUNDS.includes(change.property) && after < before);
  return widened && ratingRank(change.impact) < ratingRank('minor')
    ? {
        rating: 'minor',
        rule: 'widened-request-bound',
        why: `${change.property} went from ${before} to ${after}: requests may now carry more`,
      }
    : undefined;
}

/** The deprecated elements a removed node carried (itself, or the operations of a removed path item). */
function deprecatedIn(doc, value) {
  const node = value && typeof value === 'object' ? resolveRef(doc, value) : value;
  if (!node || typeof node !== 'object') return [];
  const own = value.deprecated === true ? value : node.deprecated === true ? node : undefined;
  if (own) return [{ sunset: own['x-sunset'] ?? node['x-sunset'] }];
  return operationsIn(node)
    .filter(([, operation]) => operation.deprecated === true)
    .map(([, operation]) => ({ sunset: operation['x-sunset'] }));
}

/**
 * Removing an element that was released as deprecated is allowed only once its `x-sunset` date has passed: before
 * that, callers were promised it would still be there. Still a major change afterwards.
 */
function removalBeforeSunset(change, baseDoc, today) {
  if (change.kind !== 'removed') return undefined;
  const early = deprecatedIn(baseDoc, change.base?.value).filter((d) => !isDate(d.sunset) || d.sunset > today);
  if (early.length === 0) return undefined;
  const sunset = early[0].sunset;
  return isDate(sunset)
    ? `it was released as deprecated with the sunset date ${sunset} (today is ${today}): keep it until then`
    : `it was released as deprecated without a valid x-sunset date (YYYY-MM-DD): announce one, release it, and remove the element after that date`;
}

// ---- extensible enums: a change Redocly does not report at all -------------------------------------------------

/**
 * Values added to or removed from an `x-extensible-enum` (Zalando rule 112: a list of values a client must expect
 * to grow, so it has no `enum` constraint). Redocly ignores this extension; the gate walks the request and response
 * schemas of the operations both documents share and compares the lists at the same place.
 */
function extensibleEnumChanges(baseDoc, revisionDoc) {
  const found = [];
  const byKey = (doc) => new Map(operationsOf(doc).map((o) => [`${o.method} ${o.path}`, o]));
  const revisionOps = byKey(revisionDoc);
  for (const [key, before] of byKey(baseDoc)) {
    const after = revisionOps.get(key);
    if (!after) continue;
    const prefix = `#/paths/${escapePointerSegment(before.path)}/${before.method}`;
    const sites = [];
    for (const [type, media] of Object.entries(
      before.operation.requestBody ? (resolveRef(baseDoc, before.operation.requestBody).content ?? {}) : {},
    )) {
      const other = after.operation.requestBody && resolveRef(revisionDoc, after.operation.requestBody).content?.[type];
      if (other)
        sites.push([media.schema, other.schema, `${prefix}/requestBody/content/${escapePointerSegment(type)}/schema`]);
    }
    for (const [status, rawResponse] of Object.entries(before.operation.responses ?? {})) {
      const otherResponse = after.operation.responses?.[status];
      if (!otherResponse) continue;
      for (const [type, media] of Object.entries(resolveRef(baseDoc, rawResponse).content ?? {})) {
        const other = resolveRef(revisionDoc, otherResponse).content?.[type];
        if (other)
          sites.push([
            media.schema,
            other.schema,
            `${prefix}/responses/${status}/content/${escapePointerSegment(type)}/schema`,
          ]);
      }
    }
    for (const [a, b, pointer] of sites) compareSchemas(baseDoc, revisionDoc, a, b, pointer, new Set(), found);
  }
  return found;
}

function compareSchemas(baseDoc, revisionDoc, rawA, rawB, pointer, seen, found) {
  if (!rawA || !rawB || typeof rawA !== 'object' || typeof rawB !== 'object') return;
  const pairKey = `${rawA.$ref ?? pointer}|${rawB.$ref ?? pointer}`;
  if (seen.has(pairKey)) return;
  seen.add(pairKey);
  const a = resolveRef(baseDoc, rawA);
  const b = resolveRef(revisionDoc, rawB);
  const listA = a['x-extensible-enum'] ?? rawA['x-extensible-enum'];
  const listB = b['x-extensible-enum'] ?? rawB['x-extensible-enum'];
  if (Array.isArray(listA) && Array.isArray(listB)) {
    const added = listB.filter((v) => !listA.includes(v));
    const removed = listA.filter((v) => !listB.includes(v));
    if (added.length > 0 || removed.length > 0) {
      found.push({
        path: pointer,
        kind: 'modified',
        property: 'x-extensible-enum',
        impact: 'none',
        verdicts: [],
        added,
        removed,
        base: { value: listA },
        revision: { value: listB },
      });
    }
  }
  for (const key of ['properties', 'patternProperties']) {
    for (const name of Object.keys(a[key] ?? {})) {
      if (b[key]?.[name])
        compareSchemas(
          baseDoc,
          revisionDoc,
          a[key][name],
          b[key][name],
          `${pointer}/${key}/${escapePointerSegment(name)}`,
          seen,
          found,
        );
    }
  }
  for (const key of ['items', 'additionalProperties', 'not'])
    compareSchemas(baseDoc, revisionDoc, a[key], b[key], `${pointer}/${key}`, seen, found);
  for (const key of ['allOf', 'oneOf', 'anyOf', 'prefixItems']) {
    (a[key] ?? []).forEach((s, i) => {
      compareSchemas(baseDoc, revisionDoc, s, b[key]?.[i], `${pointer}/${key}/${i}`, seen, found);
    });
  }
}

function rateExtensibleEnum(change, where) {
  const quoted = (values) => values.map((v) => `'${v}'`).join(', ');
  const parts = [];
  if (change.added.length > 0) parts.push(`gained values: ${quoted(change.added)}`);
  if (change.removed.length > 0) parts.push(`lost values: ${quoted(change.removed)}`);
  const name = unescapePointerSegment(change.path.split('/').at(-1));
  const message = `Extensible enum of \`${name}\` ${parts.join('; ')}.`;
  // Callers must already accept unknown values of an extensible enum; only a value a caller may no longer send breaks.
  const rating = change.removed.length > 0 && where.direction === 'request' ? 'major' : 'minor';
  return {
    message,
    rating,
    rule: 'extensible-enum',
    why: 'x-extensible-enum declares that callers must accept values they do not know; Redocly does not compare it',
  };
}

// ---- every operation a change reaches --------------------------------------------------------------------------

/**
 * For each operation of a document, the `$ref`s its requests and its responses reach (transitively). Redocly reports
 * a change inside a shared component once, under the first operation that uses it; the changelog must name them all.
 */
function reachIndex(doc) {
  const reach = (start) => reachableRefs(doc, [start]);
  return operationsOf(doc).map((o) => ({
    label: operationLabel([doc], o),
    request: reach([o.parameters, o.operation.requestBody]),
    response: reach(o.operation.responses),
  }));
}

/** `#/components/schemas/Identity/properties/email` → `#/components/schemas/Identity`. */
const componentOf = (pointer) => /^#\/components\/[^/]+\/[^/]+/.exec(pointer ?? '')?.[0];

/**
 * The gate's list of changes between two documents, from Redocly's report.
 * @param {{ base: object, revision: object, report: {changes: object[]}, today: string }} input
 *   `today` (YYYY-MM-DD) decides whether a sunset date has passed; inject it, never read the clock here.
 * @returns {RatedChange[]} sorted by operation, then location;
 *   `operations`: every operation the change reaches in its direction (a shared component is reported once)
 * @example rateChanges({ base, revision, report: await redoclyDiff(base, revision), today: '2026-11-30' })
 */
export function rateChanges({ base, revision, report, today }) {
  if (!isDate(today)) throw new Error(`today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const docs = [revision, base];
  const indexes = { base: reachIndex(base), revision: reachIndex(revision) };
  const all = [...report.changes, ...extensibleEnumChanges(base, revision)];
  const rated = all.map((change) => {
    const where = locate(change.path);
    const verdict = change.verdicts?.[0];
    let message = verdict?.message ?? describe(change);
    let rule = verdict?.ruleId ?? `${change.kind}${change.property ? ` ${change.property}` : ''}`;
    let rating = change.impact;
    let correctedBy;
    let why;
    const correction =
      change.property === 'x-extensible-enum' && change.impact === 'none'
        ? rateExtensibleEnum(change, where)
        : (deprecation(change) ?? widenedRequestBound(change, where));
    if (correction) {
      ({ rating, why } = correction);
      correctedBy = correction.rule;
      if (correction.message) message = correction.message;
      if (correction.rule === 'extensible-enum') rule = 'extensible-enum';
    }
    const refused = removalBeforeSunset(change, base, today);
    const operation = operationLabel(docs, where);
    const operations = [operation];
    const component = componentOf(change.base?.pointer) ?? componentOf(change.revision?.pointer);
    if (component && (where.direction === 'request' || where.direction === 'response')) {
      for (const side of ['base', 'revision']) {
        for (const o of indexes[side])
          if (o[where.direction].has(component) && !operations.includes(o.label)) operations.push(o.label);
      }
    }
    /** @type {RatedChange} */
    const result = {
      operation,
      operations,
      direction: where.direction,
      kind: change.kind,
      location: where.rest.join('/') + (change.kind === 'modified' && change.property ? ` · ${change.property}` : ''),
      rule,
      message,
      redoclyRating: change.impact,
      rating,
      pointer: change.revision?.pointer ?? change.base?.pointer ?? change.path,
      ...(correctedBy ? { correctedBy, why } : {}),
      ...(refused ? { refused } : {}),
    };
    if (ratingRank(rating) === ratingRank('major')) result.action = actionFor(result, change);
    return result;
  });
  return rated.sort((x, y) => x.operation.localeCompare(y.operation) || x.location.localeCompare(y.location));
}

/** A sentence for a change Redocly reports without a rule (additions and wording). */
function describe(change) {
  const what = unescapePointerSegment(change.path.split('/').at(-1));
  if (change.kind === 'added') return `\`${what}\` was added.`;
  if (change.kind === 'removed') return `\`${what}\` was removed.`;
  const show = (v) =>
    typeof v === 'string' ? (v.length > 60 ? `'${v.slice(0, 57)}...'` : `'${v}'`) : JSON.stringify(v);
  if (change.base?.value === undefined) return `\`${change.property}\` was set to ${show(change.revision?.value)}.`;
  if (change.revision?.value === undefined)
    return `\`${change.property}\` was removed (was ${show(change.base.value)}).`;
  const long = (v) => typeof v === 'string' && v.length > 60;
  if (long(change.base.value) || long(change.revision.value)) return `\`${change.property}\` was reworded.`;
  return `\`${change.property}\` changed from ${show(change.base.value)} to ${show(change.revision.value)}.`;
}
