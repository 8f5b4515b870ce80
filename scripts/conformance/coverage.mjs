// Coverage from traffic: which operations, parameters, statuses and schema properties a set of HAR entries
// exercised, measured against a bundle. Reads the HAR that `redocly respect -H` writes as well as the conformance
// run's own log (both HAR 1.2).
import { resolveRef } from '../../src/openapi/document.js';
import { operationModels } from './operations.mjs';
import { flattenObject } from './schema-arbitrary.mjs';

/** Every property path a schema declares (`address.country`, `documents[].url`), to `maxDepth` levels. */
function declaredProperties(doc, rawSchema, prefix = '', depth = 0, out = new Set(), seen = new Set()) {
  const schema = resolveRef(doc, rawSchema);
  if (!schema || typeof schema !== 'object' || depth > 4) return out;
  if (seen.has(schema)) return out;
  const inner = new Set(seen).add(schema);
  for (const branch of schema.oneOf ?? schema.anyOf ?? []) declaredProperties(doc, branch, prefix, depth, out, inner);
  if (schema.items) declaredProperties(doc, schema.items, `${prefix}[]`, depth, out, inner);
  const view = flattenObject(doc, schema);
  for (const conditional of view.conditionals) {
    for (const [name, subs] of Object.entries(flattenObject(doc, conditional.then).properties)) {
      view.properties[name] ??= [];
      view.properties[name].push(...subs);
    }
  }
  for (const [name, subs] of Object.entries(view.properties)) {
    const here = prefix ? `${prefix}.${name}` : name;
    out.add(here);
    for (const sub of subs) declaredProperties(doc, sub, here, depth + 1, out, inner);
  }
  return out;
}

/** Every property path present in a JSON value. */
function presentProperties(value, prefix = '', out = new Set()) {
  if (Array.isArray(value)) for (const item of value) presentProperties(item, `${prefix}[]`, out);
  else if (value && typeof value === 'object') {
    for (const [name, child] of Object.entries(value)) {
      const here = prefix ? `${prefix}.${name}` : name;
      out.add(here);
      presentProperties(child, here, out);
    }
  }
  return out;
}

/** The operation a HAR entry called: by the runner's `_operationId`, else by method and path template. */
function matchOperation(models, baseUrl, entry) {
  if (entry._operationId) return models.find((m) => m.operationId === entry._operationId);
  const url = new URL(entry.request.url);
  const base = new URL(baseUrl);
  const rest = url.pathname.startsWith(base.pathname.replace(/\/$/, ''))
    ? url.pathname.slice(base.pathname.replace(/\/$/, '').length)
    : url.pathname;
  return models.find(
    (m) =>
      m.method === entry.request.method.toLowerCase() &&
      new RegExp(`^${m.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(rest),
  );
}

const parse = (text) => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Coverage of one API by HAR entries.
 * @param {object} doc the bundle
 * @param {string} baseUrl where the entries were sent (to find the path template of an entry without `_operationId`)
 * @param {object[]} entries HAR 1.2 entries
 * @returns {{operations: {operationId: string, requests: number, statuses: {documented: string[], seen: string[]},
 *   parameters: {declared: string[], seen: string[]}, requestProperties: {declared: string[], seen: string[]},
 *   responseProperties: {declared: string[], seen: string[]}}[], unmatched: number}}
 */
export function coverageOf(doc, baseUrl, entries) {
  const models = operationModels(doc);
  const rows = new Map(
    models.map((m) => {
      const responseDeclared = new Set();
      for (const response of Object.values(m.responses)) {
        for (const media of Object.values(response.content ?? {}))
          declaredProperties(doc, media.schema, '', 0, responseDeclared);
      }
      return [
        m.operationId,
        {
          operationId: m.operationId,
          requests: 0,
          statuses: { documented: Object.keys(m.responses), seen: new Set() },
          parameters: { declared: m.parameters.map((p) => `${p.in} ${p.name}`), seen: new Set() },
          requestProperties: { declared: [...(m.body ? declaredProperties(doc, m.body.schema) : [])], seen: new Set() },
          responseProperties: { declared: [...responseDeclared], seen: new Set() },
        },
      ];
    }),
  );
  let unmatched = 0;
  for (const entry of entries) {
    const model = matchOperation(models, baseUrl, entry);
    if (!model) {
      unmatched += 1;
      continue;
    }
    const row = rows.get(model.operationId);
    row.requests += 1;
    row.statuses.seen.add(String(entry.response.status));
    const url = new URL(entry.request.url);
    for (const p of model.parameters) {
      const present =
        p.in === 'path' ||
        (p.in === 'query' && [...url.searchParams.keys()].some((k) => k === p.name || k.startsWith(`${p.name}[`))) ||
        (p.in === 'header' && entry.request.headers.some((h) => h.name.toLowerCase() === p.name.toLowerCase()));
      if (present) row.parameters.seen.add(`${p.in} ${p.name}`);
    }
    const declaredRequest = new Set(row.requestProperties.declared);
    for (const prop of presentProperties(parse(entry.request.postData?.text)))
      if (declaredRequest.has(prop)) row.requestProperties.seen.add(prop);
    const declaredResponse = new Set(row.responseProperties.declared);
    for (const prop of presentProperties(parse(entry.response.content?.text)))
      if (declaredResponse.has(prop)) row.responseProperties.seen.add(prop);
  }
  const operations = [...rows.values()].map((row) => ({
    ...row,
    statuses: { documented: row.statuses.documented, seen: [...row.statuses.seen].sort() },
    parameters: { declared: row.parameters.declared, seen: [...row.parameters.seen] },
    requestProperties: { declared: row.requestProperties.declared, seen: [...row.requestProperties.seen] },
    responseProperties: { declared: row.responseProperties.declared, seen: [...row.responseProperties.seen] },
  }));
  return { operations, unmatched };
}

const ratio = (seen, declared) => (declared === 0 ? '—' : `${seen}/${declared}`);

/**
 * The coverage as a table: one line per operation, then the totals.
 * @example formatCoverage('identity', coverageOf(doc, baseUrl, har.log.entries))
 */
export function formatCoverage(api, coverage) {
  const lines = [`Coverage of ${api} (operations, parameters, statuses, schema properties):`];
  const totals = { ops: 0, hit: 0, statuses: [0, 0], params: [0, 0], req: [0, 0], res: [0, 0] };
  const width = Math.max(...coverage.operations.map((o) => o.operationId.length));
  for (const o of coverage.operations) {
    const documentedSeen = o.statuses.seen.filter((s) => o.statuses.documented.includes(s));
    const undocumented = o.statuses.seen.filter((s) => !o.statuses.documented.includes(s));
    totals.ops += 1;
    if (o.requests > 0) totals.hit += 1;
    totals.statuses[0] += documentedSeen.length;
    totals.statuses[1] += o.statuses.documented.length;
    totals.params[0] += o.parameters.seen.length;
    totals.params[1] += o.parameters.declared.length;
    totals.req[0] += o.requestProperties.seen.length;
    totals.req[1] += o.requestProperties.declared.length;
    totals.res[0] += o.responseProperties.seen.length;
    totals.res[1] += o.responseProperties.declared.length;
    const missing = o.statuses.documented.filter((s) => !o.statuses.seen.includes(s));
    const unsent = o.parameters.declared.filter((p) => !o.parameters.seen.includes(p));
    lines.push(
      `  ${o.operationId.padEnd(width)}  ${String(o.requests).padStart(5)} req  statuses ${ratio(documentedSeen.length, o.statuses.documented.length)}` +
        `${missing.length ? ` (not seen: ${missing.join(' ')})` : ''}${undocumented.length ? ` (undocumented: ${undocumented.join(' ')})` : ''}` +
        `  params ${ratio(o.parameters.seen.length, o.parameters.declared.length)}${unsent.length ? ` (not sent: ${unsent.join(', ')})` : ''}  request props ${ratio(o.requestProperties.seen.length, o.requestProperties.declared.length)}` +
        `  response props ${ratio(o.responseProperties.seen.length, o.responseProperties.declared.length)}`,
    );
  }
  lines.push(
    `  total: operations ${totals.hit}/${totals.ops}, statuses ${totals.statuses[0]}/${totals.statuses[1]}, parameters ${totals.params[0]}/${totals.params[1]}, ` +
      `request properties ${totals.req[0]}/${totals.req[1]}, response properties ${totals.res[0]}/${totals.res[1]}` +
      (coverage.unmatched ? `; ${coverage.unmatched} entries matched no operation` : ''),
  );
  return lines.join('\n');
}
