// The rating table of the breaking-change gate (issue 15, item 3): small spec changes, each under its own path so
// that one `redocly diff` run over the whole table attributes every change to its row, with the rating it must get.
// `base()` is the released document; each row's `change(doc)` edits the current one in place.

// A loose document: the table edits it freely.
type Doc = Record<string, any>;
export interface Row {
  path: string;
  what: string;
  expected: 'patch' | 'minor' | 'major';
  refused?: boolean;
  change: (doc: Doc) => unknown;
}

const ok = (schema: unknown) => ({
  '200': { description: 'OK', content: { 'application/json': { schema } } },
});
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});
const text = (extra: Record<string, unknown> = {}) => ({ type: 'string', maxLength: 50, ...extra });
const post = (schema: unknown, extra: Record<string, any> = {}) => ({
  operationId: extra.operationId,
  summary: 'Send a thing',
  requestBody: { required: true, content: { 'application/json': { schema } } },
  responses: { '204': { description: 'Accepted' } },
  ...extra,
});
const get = (schema: unknown, extra: Record<string, any> = {}) => ({
  summary: 'Read a thing',
  responses: ok(schema),
  ...extra,
});

/** The released document: one path per row. */
export function base(): Doc {
  return {
    openapi: '3.1.0',
    info: { title: 'Rating table', version: '1.0.0' },
    paths: {
      '/operation-removed': { get: get(object({ id: text() }), { operationId: 'readRemoved' }) },
      '/response-property-removed': { get: get(object({ id: text(), email: text() }), { operationId: 'readEmail' }) },
      '/request-enum-value-removed': {
        post: post(object({ kind: { type: 'string', enum: ['a', 'b'] } }), { operationId: 'sendKind' }),
      },
      '/status-removed': {
        get: {
          ...get(object({ id: text() }), { operationId: 'readStatus' }),
          responses: { ...ok(object({ id: text() })), '404': { description: 'Not found' } },
        },
      },
      '/request-property-required': { post: post(object({ name: text() }), { operationId: 'sendName' }) },
      '/request-max-length-narrowed': { post: post(object({ name: text() }), { operationId: 'sendShortName' }) },
      '/request-pattern-narrowed': {
        post: post(object({ code: text({ pattern: '^[A-Z]+$' }) }), { operationId: 'sendCode' }),
      },
      '/response-enum-value-added': {
        get: get(object({ status: { type: 'string', enum: ['active', 'blocked'] } }), { operationId: 'readState' }),
      },
      '/response-extensible-enum-value-added': {
        get: get(object({ status: { type: 'string', maxLength: 20, 'x-extensible-enum': ['active', 'blocked'] } }), {
          operationId: 'readOpenState',
        }),
      },
      '/request-property-added': {
        post: post(object({ name: text() }, { additionalProperties: false }), { operationId: 'sendMore' }),
      },
      '/response-property-added': { get: get(object({ id: text() }), { operationId: 'readMore' }) },
      '/status-added': { get: get(object({ id: text() }), { operationId: 'readWithStatus' }) },
      '/wording': { get: get(object({ id: text() }), { operationId: 'readWording' }) },
      '/operation-deprecated': { get: get(object({ id: text() }), { operationId: 'readOld' }) },
      '/property-deprecated': { get: get(object({ id: text(), legacyId: text() }), { operationId: 'readLegacy' }) },
      '/deprecated-property-removed-early': {
        get: get(object({ id: text(), legacyId: text({ deprecated: true, 'x-sunset': '2099-01-01' }) }), {
          operationId: 'readLegacyEarly',
        }),
      },
      '/deprecated-operation-removed-after-sunset': {
        get: get(object({ id: text() }), { operationId: 'readSunset', deprecated: true, 'x-sunset': '2020-01-01' }),
      },
      '/response-property-no-longer-required': {
        get: get(object({ id: text() }, { required: ['id'] }), { operationId: 'readRequired' }),
      },
      '/request-max-length-widened': { post: post(object({ name: text() }), { operationId: 'sendLongName' }) },
    },
  };
}

const schemaOf = (doc: Doc, path: string, method = 'get'): Doc => {
  const op = doc.paths[path][method];
  return method === 'get'
    ? op.responses['200'].content['application/json'].schema
    : op.requestBody.content['application/json'].schema;
};

/**
 * Each row: the path it owns, what changes, the rating the gate must give (`patch`, `minor`, `major`), and
 * `refused` when the gate must refuse the change whatever the versions say.
 */
export const rows: Row[] = [
  {
    path: '/operation-removed',
    what: 'an operation is removed',
    expected: 'major',
    change: (d: Doc) => delete d.paths['/operation-removed'].get,
  },
  {
    path: '/response-property-removed',
    what: 'a response property is removed',
    expected: 'major',
    change: (d: Doc) => delete schemaOf(d, '/response-property-removed').properties.email,
  },
  {
    path: '/request-enum-value-removed',
    what: 'a value is removed from a request enum',
    expected: 'major',
    change: (d: Doc) => (schemaOf(d, '/request-enum-value-removed', 'post').properties.kind.enum = ['a']),
  },
  {
    path: '/status-removed',
    what: 'a documented status is removed',
    expected: 'major',
    change: (d: Doc) => delete d.paths['/status-removed'].get.responses['404'],
  },
  {
    path: '/request-property-required',
    what: 'a request property becomes required',
    expected: 'major',
    change: (d: Doc) => (schemaOf(d, '/request-property-required', 'post').required = ['name']),
  },
  {
    path: '/request-max-length-narrowed',
    what: 'a request maxLength is narrowed',
    expected: 'major',
    change: (d: Doc) => (schemaOf(d, '/request-max-length-narrowed', 'post').properties.name.maxLength = 20),
  },
  {
    path: '/request-pattern-narrowed',
    what: 'a request pattern is narrowed',
    expected: 'major',
    change: (d: Doc) => (schemaOf(d, '/request-pattern-narrowed', 'post').properties.code.pattern = '^[A-Z]{2}$'),
  },
  {
    path: '/response-enum-value-added',
    what: 'a value is added to a response enum',
    expected: 'major',
    change: (d: Doc) => schemaOf(d, '/response-enum-value-added').properties.status.enum.push('closed'),
  },
  {
    path: '/response-extensible-enum-value-added',
    what: 'a value is added to a response enum declared extensible (x-extensible-enum)',
    expected: 'minor',
    change: (d: Doc) =>
      schemaOf(d, '/response-extensible-enum-value-added').properties.status['x-extensible-enum'].push('closed'),
  },
  {
    path: '/request-property-added',
    what: 'an optional request property is added',
    expected: 'minor',
    change: (d: Doc) => (schemaOf(d, '/request-property-added', 'post').properties.nickname = text()),
  },
  {
    path: '/response-property-added',
    what: 'an optional response property is added',
    expected: 'minor',
    change: (d: Doc) => (schemaOf(d, '/response-property-added').properties.createdAt = text()),
  },
  {
    path: '/operation-added',
    what: 'an operation is added',
    expected: 'minor',
    change: (d: Doc) =>
      (d.paths['/operation-added'] = { get: get(object({ id: text() }), { operationId: 'readNew' }) }),
  },
  {
    path: '/status-added',
    what: 'a documented status is added',
    expected: 'minor',
    change: (d: Doc) => (d.paths['/status-added'].get.responses['404'] = { description: 'Not found' }),
  },
  {
    path: '/wording',
    what: 'wording (a summary and a description)',
    expected: 'patch',
    change: (d: Doc) => Object.assign(d.paths['/wording'].get, { summary: 'Read one thing', description: 'Reads it.' }),
  },
  {
    path: '/operation-deprecated',
    what: 'an operation is deprecated with a sunset date',
    expected: 'minor',
    change: (d: Doc) =>
      Object.assign(d.paths['/operation-deprecated'].get, { deprecated: true, 'x-sunset': '2099-01-01' }),
  },
  {
    path: '/property-deprecated',
    what: 'a response property is deprecated with a sunset date',
    expected: 'minor',
    change: (d: Doc) =>
      Object.assign(schemaOf(d, '/property-deprecated').properties.legacyId, {
        deprecated: true,
        'x-sunset': '2099-01-01',
      }),
  },
  {
    path: '/deprecated-property-removed-early',
    what: 'a deprecated property is removed before its sunset date',
    expected: 'major',
    refused: true,
    change: (d: Doc) => delete schemaOf(d, '/deprecated-property-removed-early').properties.legacyId,
  },
  {
    path: '/deprecated-operation-removed-after-sunset',
    what: 'a deprecated operation is removed after its sunset date',
    expected: 'major',
    change: (d: Doc) => delete d.paths['/deprecated-operation-removed-after-sunset'],
  },
  {
    path: '/response-property-no-longer-required',
    what: 'a response property is no longer always sent',
    expected: 'major',
    change: (d: Doc) => delete schemaOf(d, '/response-property-no-longer-required').required,
  },
  {
    path: '/request-max-length-widened',
    what: 'a request maxLength is widened',
    expected: 'minor',
    change: (d: Doc) => (schemaOf(d, '/request-max-length-widened', 'post').properties.name.maxLength = 80),
  },
];

/** The current document: the base with every row's change applied. */
export function revision(): Doc {
  const doc = base();
  for (const row of rows) row.change(doc);
  return doc;
}
