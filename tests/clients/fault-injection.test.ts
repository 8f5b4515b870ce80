// Issue 9 acceptance: one local server misbehaving in every body and status kind of items 3, 4, 6 and 7, and for
// each row the typed result the caller gets, with no credential in any error's message, JSON, stack or inspection.
// One node:http server on 127.0.0.1 (a free port); each row answers under its own path prefix, /row-<n>/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  createIdentityClient,
  NetworkError,
  ResponseBodyError,
  ResponseTooLargeError,
  ResponseValidationError,
  unwrap,
} from '../../src/identity/index.js';
import { createPortablClient, TokenResponseError } from '../../src/portabl/index.js';
import { type FakeHttpServer, startHttpServer } from '../support/http-server.js';

const API_KEY = 'fake-api-key-fault-table-3b9d';
const CLIENT_SECRET = 'fake-client-secret-fault-table-77a1';
const ACCESS_TOKEN = 'fake.access.token-fault-table-5c2e';
const CREDENTIALS = [API_KEY, CLIENT_SECRET, ACCESS_TOKEN];
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const USER = '4c0ac449-135d-45c8-81f3-a8e96a508c2b';

type Answer = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** What a request echoes: every header and the body, as a careless server would. */
const echo = (req: IncomingMessage, body: string) => `request: ${JSON.stringify(req.headers)} ${body}`;
const send =
  (status: number, headers: Record<string, string>, body?: string | Buffer): Answer =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
const token =
  (fields: Record<string, unknown>): Answer =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        tokenType: 'Bearer',
        scope: 'read:provider-users',
        accessToken: ACCESS_TOKEN,
        expiresIn: 3600,
        ...fields,
      }),
    );
  };

interface Row {
  item: 3 | 4 | 6 | 7;
  kind: string;
  api: 'identity' | 'portabl';
  /** Answers API requests (and, for Portabl, the token request unless `token` is given). */
  answer: Answer;
  token?: Answer;
  options?: Record<string, unknown>;
  /** The error class the caller gets; undefined: no error, and `check` judges the result. */
  expected: (new (...args: never[]) => Error) | undefined;
  check?: (result: { data?: unknown; error?: unknown; response: Response }) => void;
}

const invalidItems = JSON.stringify({ total: 30_000, data: Array.from({ length: 30_000 }, () => ({ bogus: 1 })) });

const ROWS: Row[] = [
  // Item 3: bodies that cannot be read.
  {
    item: 3,
    kind: '202 text/plain "Accepted" where the spec documents no body',
    api: 'portabl',
    answer: send(202, { 'content-type': 'text/plain' }, 'Accepted'),
    expected: undefined,
    check: (r) => expect(r.data).toBeUndefined(),
  },
  {
    item: 3,
    kind: '200 HTML page from a proxy, echoing the request',
    api: 'identity',
    answer: (req, res, body) =>
      send(200, { 'content-type': 'text/html' }, `<html>${echo(req, body)}</html>`)(req, res, body),
    expected: ResponseBodyError,
  },
  {
    item: 3,
    kind: '200 truncated JSON',
    api: 'identity',
    answer: send(200, { 'content-type': 'application/json' }, '{"total":1,"data":[{"id"'),
    expected: ResponseBodyError,
  },
  {
    item: 3,
    kind: '200 empty body with a JSON content type',
    api: 'identity',
    answer: send(200, { 'content-type': 'application/json' }),
    expected: ResponseBodyError,
  },
  {
    item: 3,
    kind: '200 without content type, plain text echoing the key',
    api: 'identity',
    answer: (req, res, body) => send(200, {}, echo(req, body))(req, res, body),
    expected: ResponseBodyError,
  },
  {
    item: 3,
    kind: '200 body cut short of its Content-Length (connection closed)',
    api: 'identity',
    answer: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"total":0,');
      res.destroy();
    },
    options: { retry: false },
    expected: NetworkError,
  },
  {
    item: 3,
    kind: '200 labelled gzip but not compressed',
    api: 'identity',
    answer: send(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, '{"total":0,"data":[]}'),
    options: { retry: false },
    expected: NetworkError,
  },
  {
    item: 3,
    kind: '200 gzip-compressed JSON (decompressed by fetch)',
    api: 'identity',
    answer: send(
      200,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync('{"total":0,"data":[]}'),
    ),
    expected: undefined,
    check: (r) => expect(r.data).toEqual({ total: 0, data: [] }),
  },
  {
    item: 3,
    kind: '404 HTML page echoing the request',
    api: 'identity',
    answer: (req, res, body) =>
      send(404, { 'content-type': 'text/html' }, `<p>${echo(req, body).replace(/"/g, '&quot;')}</p>`)(req, res, body),
    expected: ApiError,
  },
  {
    item: 3,
    kind: '500 with no body at all',
    api: 'identity',
    answer: send(500, {}),
    options: { retry: false },
    expected: ApiError,
  },
  {
    item: 3,
    kind: '401 JSON quoting the key JSON-in-string and percent-encoded',
    api: 'identity',
    answer: (req, res) =>
      send(
        401,
        { 'content-type': 'application/json' },
        JSON.stringify({
          code: 'unauthorized',
          message: `${JSON.stringify(JSON.stringify(req.headers))} ${encodeURIComponent(String(req.headers['apikey']))}`,
        }),
      )(req, res, ''),
    expected: ApiError,
  },
  // Item 4: errors that could not be built.
  {
    item: 4,
    kind: '404 nested 5,000 levels deep (10 kB)',
    api: 'identity',
    answer: send(404, { 'content-type': 'application/json' }, '['.repeat(5_000) + ']'.repeat(5_000)),
    expected: ApiError,
  },
  {
    item: 4,
    kind: '400 nested 100,000 levels deep, the key at the bottom',
    api: 'identity',
    answer: (req, res) =>
      send(
        400,
        { 'content-type': 'application/json' },
        '{"a":'.repeat(100_000) + JSON.stringify(req.headers['apikey']) + '}'.repeat(100_000),
      )(req, res, ''),
    expected: ApiError,
  },
  // Item 6: validation that blocked the process.
  {
    item: 6,
    kind: '200 list of 30,000 invalid items, validateResponses',
    api: 'identity',
    answer: send(200, { 'content-type': 'application/json' }, invalidItems),
    options: { validateResponses: true },
    expected: ResponseValidationError,
  },
  // Item 7: answers without bounds.
  {
    item: 7,
    kind: '200 endless chunked body',
    api: 'identity',
    options: { maxResponseBytes: 1024 * 1024 },
    expected: ResponseTooLargeError,
    answer: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = '"x",'.repeat(16_384);
      let written = 0;
      // Bounded: stops when the client goes away, and in any case after 64 MB.
      const more = () => {
        while (!res.destroyed && written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.write('{"data":[');
      more();
    },
  },
  {
    item: 7,
    kind: '200 announcing 50 MB (default limit)',
    api: 'identity',
    expected: ResponseTooLargeError,
    answer: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      res.write('{');
    },
  },
  {
    item: 7,
    kind: 'token answer with expiresIn 1e308',
    api: 'portabl',
    answer: send(200, { 'content-type': 'application/json' }, '{}'),
    token: token({ expiresIn: 1e308 }),
    expected: TokenResponseError,
  },
  {
    item: 7,
    kind: 'token answer with expiresIn 0.001',
    api: 'portabl',
    answer: send(200, { 'content-type': 'application/json' }, '{}'),
    token: token({ expiresIn: 0.001 }),
    expected: TokenResponseError,
  },
  {
    item: 7,
    kind: 'token answer without scope',
    api: 'portabl',
    answer: send(200, { 'content-type': 'application/json' }, '{}'),
    token: token({ scope: undefined }),
    expected: TokenResponseError,
  },
  {
    item: 7,
    kind: 'token answer with a 1 MB token',
    api: 'portabl',
    answer: send(200, { 'content-type': 'application/json' }, '{}'),
    token: token({ accessToken: 'a'.repeat(1024 * 1024) }),
    expected: TokenResponseError,
  },
  {
    item: 7,
    kind: 'token answer as an HTML page echoing the secret',
    api: 'portabl',
    answer: send(200, {}, '{}'),
    token: (req, res, body) =>
      send(200, { 'content-type': 'text/html' }, `<pre>${echo(req, body)}</pre>`)(req, res, body),
    expected: TokenResponseError,
  },
];

let server: FakeHttpServer;
let origin: string;

beforeAll(async () => {
  server = await startHttpServer(({ url, body }, res, req) => {
    const match = /^\/row-(\d+)(\/.*)$/.exec(url);
    const row = match ? ROWS[Number(match[1])] : undefined;
    if (!row) return send(500, {}, 'no such row')(req, res, '');
    const isToken = match![2]!.startsWith('/portabl/provider/token');
    const answer = isToken ? (row.token ?? token({})) : row.answer;
    answer(req, res, body);
  });
  origin = server.origin;
});

afterAll(() => server.close());

function call(row: Row, index: number) {
  const baseUrl = `${origin}/row-${index}/${row.api}`;
  if (row.api === 'identity') {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl, ...row.options });
    return row.kind.includes('list') ||
      row.item === 7 ||
      row.kind.includes('gzip') ||
      row.kind.includes('truncated') ||
      row.kind.includes('empty') ||
      row.kind.includes('cut short')
      ? identity.GET('/identities')
      : identity.GET('/identities/{id}', { params: { path: { id: ID } } });
  }
  const portabl = createPortablClient({
    clientId: 'fault-table-client',
    clientSecret: CLIENT_SECRET,
    baseUrl,
    retry: false,
    ...row.options,
  });
  return row.kind.startsWith('202')
    ? portabl.POST('/provider/sync-sessions/{syncSessionId}/start', { params: { path: { syncSessionId: ID } } })
    : portabl.GET('/provider/users/{userId}/settings', { params: { path: { userId: USER } } });
}

const serialisations = (error: Error) => [
  error.message,
  JSON.stringify(error),
  String(error.stack),
  inspect(error, { depth: 6 }),
];

describe('fault injection: every body and status kind of items 3, 4, 6, 7', () => {
  it.each(
    ROWS.map(
      (row, i) => [`item ${row.item}, ${row.kind} → ${row.expected?.name ?? 'no error'}`, { ...row, i }] as const,
    ),
  )('%s', async (_title, row) => {
    let caught: unknown;
    try {
      const result = (await call(row, row.i)) as { data?: unknown; error?: unknown; response: Response };
      // unwrap is where an error status becomes the caller's typed error.
      unwrap(result);
      row.check?.(result);
    } catch (error) {
      caught = error;
    }
    if (row.expected === undefined) {
      expect(caught).toBeUndefined();
      return;
    }
    expect(caught).toBeInstanceOf(row.expected);
    for (const text of serialisations(caught as Error)) {
      for (const credential of CREDENTIALS) expect(text, `${row.kind}: ${credential}`).not.toContain(credential);
    }
  });
});
