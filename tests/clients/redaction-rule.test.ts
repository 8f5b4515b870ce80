// Issue 9 item 5: redaction is complete (every echo form) and never rewrites data a caller narrows on. The rule:
// a credential shorter than MIN_SECRET_LENGTH, or occurring inside a constant the spec documents, is refused when
// the client is created; every other credential is redacted in any mix of its echoed forms, in thrown errors and
// in the non-thrown result.error alike.
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  ClientOptionsError,
  createIdentityClient,
  isIdentityApiError,
  MIN_SECRET_LENGTH,
  unwrap,
} from '../../src/identity/index.js';
import { createPortablClient } from '../../src/portabl/index.js';
import { createRedactor, WITHHELD } from '../../src/redaction.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';

const ID = '0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11';
// Every character an escaping scheme treats specially.
const KEY = `Zyx&Vex<Wub>"Jor'/Kal\\Pim`;

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const htmlHex = (s: string) => s.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
const jsonIn = (s: string) => JSON.stringify(s).slice(1, -1);
const unicodeEscaped = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

const ECHOES: [string, string][] = [
  ['as sent', KEY],
  ['HTML-escaped with named entities', html(KEY)],
  ['HTML-escaped with hex references', htmlHex(KEY)],
  ['JSON-escaped', jsonIn(KEY)],
  ['JSON inside a JSON string', jsonIn(JSON.stringify({ apikey: KEY }))],
  ['every character as \\u escape', unicodeEscaped(KEY)],
  ['percent-encoded', encodeURIComponent(KEY)],
  ['percent-encoded in lower case', encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
  ['percent-encoded twice', encodeURIComponent(encodeURIComponent(KEY))],
  ['HTML-escaped JSON', html(jsonIn(KEY))],
];

describe('redaction covers every echo form', () => {
  // What must not survive: any recognisable piece of the key.
  const FRAGMENTS = /Zyx|Vex|Wub|Jor|Kal|Pim/;

  it.each(ECHOES)('%s', (_name, echoed) => {
    const redactor = createRedactor();
    redactor.add(KEY);
    const redacted = redactor.text(`before ${echoed} after`);
    expect(redacted).toContain('[REDACTED]');
    expect(redacted.replace(/^before |after$/g, '')).not.toMatch(FRAGMENTS);
  });

  it.each(ECHOES)(
    '%s, in a text error body: redacted in the non-thrown result.error and in the thrown ApiError',
    async (_name, echoed) => {
      const fetch = fakeFetch(
        () => new Response(`<p>bad key: ${echoed}</p>`, { status: 401, headers: { 'content-type': 'text/html' } }),
      );
      const identity = createIdentityClient({ apiKey: KEY, baseUrl: BASE_URL, fetch });
      const result = await identity.GET('/identities/{id}', { params: { path: { id: ID } } });
      expect(result.error).toContain('[REDACTED]');
      expect(result.error).not.toMatch(FRAGMENTS);
      let caught: unknown;
      try {
        unwrap(result);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ApiError);
      for (const text of [(caught as Error).message, JSON.stringify(caught), String((caught as Error).stack)]) {
        expect(text).not.toMatch(FRAGMENTS);
      }
    },
  );

  it('a JSON error body echoing the key as a JSON string inside a string is redacted in result.error and in the ApiError', async () => {
    const key = 'fake-api-key-"quoted"-value';
    const body = {
      code: 'unauthorized',
      message: `request was ${JSON.stringify(JSON.stringify({ headers: { apikey: key } }))}`,
    };
    const fetch = fakeFetch(() => json(body, 401));
    const identity = createIdentityClient({ apiKey: key, baseUrl: BASE_URL, fetch });
    const result = await identity.GET('/identities/{id}', { params: { path: { id: ID } } });
    expect(JSON.stringify(result.error)).not.toContain('quoted');
    expect(result.error).toEqual({ code: 'unauthorized', message: expect.stringContaining('[REDACTED]') });
    let caught: unknown;
    try {
      unwrap(result);
    } catch (e) {
      caught = e;
    }
    expect(JSON.stringify(caught)).not.toContain('quoted');
    expect((caught as Error).message).not.toContain('quoted');
  });
});

describe('redaction never rewrites what a caller narrows on', () => {
  it(`refuses a credential shorter than ${MIN_SECRET_LENGTH} characters`, () => {
    expect(() => createIdentityClient({ apiKey: 'found' })).toThrow(ClientOptionsError);
    expect(() => createIdentityClient({ apiKey: 'found' })).toThrow(
      `apiKey is shorter than ${MIN_SECRET_LENGTH} characters`,
    );
    expect(() => createPortablClient({ clientId: 'test-client-id', clientSecret: 'secret' })).toThrow(
      'clientSecret is shorter than',
    );
  });

  it('refuses a credential that occurs inside a constant the spec documents, without quoting either', () => {
    const call = () => createIdentityClient({ apiKey: 'identity_not_found' });
    expect(call).toThrow(ClientOptionsError);
    expect(call).toThrow('apiKey occurs inside a value the spec documents (such as an error code)');
    let message = '';
    try {
      call();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toContain('identity_not_found');
  });

  it('with an accepted key, a 404 keeps its documented code while the key in its message is redacted', async () => {
    const key = 'fake-key-found-in-messages';
    const fetch = fakeFetch(() => json({ code: 'identity_not_found', message: `no identity for key ${key}` }, 404));
    const identity = createIdentityClient({ apiKey: key, baseUrl: BASE_URL, fetch });
    const result = await identity.GET('/identities/{id}', { params: { path: { id: ID } } });
    expect(result.error).toEqual({ code: 'identity_not_found', message: 'no identity for key [REDACTED]' });
    try {
      unwrap(result);
      expect.unreachable();
    } catch (err) {
      expect(isIdentityApiError(err, 'getIdentity', 404) && err.body.code).toBe('identity_not_found');
      expect((err as ApiError).code).toBe('identity_not_found');
    }
  });
});

describe('redaction stays linear', () => {
  it('redacts a token of the spec maximum (8,192 characters) in every form', () => {
    const redactor = createRedactor();
    const token = `${'Q'.repeat(4_000)}${'r'.repeat(4_192)}`;
    redactor.add(token);
    expect(redactor.text(`a ${token} b ${encodeURIComponent(token)} c`)).toBe('a [REDACTED] b [REDACTED] c');
  });

  it('withholds, rather than searches for ever, a text that repeats a prefix of a degenerate secret', () => {
    const redactor = createRedactor();
    redactor.add(`${'A'.repeat(4_000)}b`);
    // 4,000 characters of partial match at each of 200,000 positions: past the linear budget.
    expect(redactor.text('A'.repeat(200_000))).toBe(WITHHELD);
    expect(redactor.text('an ordinary text')).toBe('an ordinary text');
  });
});
