// Issue 9 item 3: every way a body can fail to parse ends in the documented result: no data where the spec
// documents no body, otherwise one typed error naming the operation and the status, with the raw text redacted.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApiError, createPortablClient, ResponseBodyError, unwrap } from '../../src/portabl/index.js';
import { CLIENT_SECRET, fakePortabl, USER_ID } from '../support/fake-portabl.js';

const SESSION = '7b8f4c2e-1a3d-4e5f-9a0b-1c2d3e4f5a6b';
const userPath = { params: { path: { userId: USER_ID } } } as const;

function serverAnswering(answer: () => Response) {
  return fakePortabl({ api: answer });
}

describe('bodies that cannot be read', () => {
  it('a 202 "Accepted" as text/plain on startSyncSession (documented without a body) gives data undefined', async () => {
    const portabl = serverAnswering(
      () => new Response('Accepted', { status: 202, headers: { 'content-type': 'text/plain' } }),
    ).client();
    const result = await portabl.POST('/provider/sync-sessions/{syncSessionId}/start', {
      params: { path: { syncSessionId: SESSION } },
    });
    expect(result.response.status).toBe(202);
    expect(result.data).toBeUndefined();
    expect(result.error).toBeUndefined();
  });

  const unreadable: [string, () => Response, RegExp][] = [
    [
      'an HTML page from a proxy',
      () =>
        new Response(`<html><body>proxy error ${CLIENT_SECRET}</body></html>`, {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
      /the body is not JSON \(text\/html\)/,
    ],
    [
      'truncated JSON',
      () => new Response('{"isSyncOn": tr', { status: 200, headers: { 'content-type': 'application/json' } }),
      /the body is not JSON/,
    ],
    [
      'an empty body where JSON is documented',
      () => new Response('', { status: 200, headers: { 'content-type': 'application/json' } }),
      /the body is empty/,
    ],
    [
      'a gzip body the runtime did not decompress',
      () =>
        new Response(gzipSync('{"isSyncOn":true}'), {
          status: 200,
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        }),
      /content-encoding gzip/,
    ],
    [
      'no content type and plain text',
      () => new Response(`secret is ${CLIENT_SECRET}`, { status: 200 }),
      /the body is not JSON/,
    ],
  ];

  it.each(unreadable)(
    '%s on a 200 is a ResponseBodyError naming operation and status, redacted',
    async (_name, answer, reason) => {
      const portabl = serverAnswering(answer).client();
      const error = await portabl.GET('/provider/users/{userId}/settings', userPath).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseBodyError);
      expect(error).toBeInstanceOf(ApiError);
      const e = error as ResponseBodyError;
      expect(e.operation).toBe('getUserSettings');
      expect(e.status).toBe(200);
      expect(e.reason).toMatch(reason);
      expect(e.message).toMatch(/^getUserSettings answered HTTP 200 with a body that cannot be read: /);
      for (const text of [e.message, JSON.stringify(e), String(e.stack), String(e.body)])
        expect(text).not.toContain(CLIENT_SECRET);
    },
  );

  it('an HTML error page on a 502 is an ApiError carrying the page text, redacted, also in the non-thrown result.error', async () => {
    const page = `<html><body>bad gateway: ${CLIENT_SECRET}</body></html>`;
    const portabl = serverAnswering(
      () => new Response(page, { status: 502, headers: { 'content-type': 'text/html' } }),
    ).client({ retry: false });
    const result = await portabl.GET('/provider/users/{userId}/settings', userPath);
    expect(result.error).toBe('<html><body>bad gateway: [REDACTED]</body></html>');
    const error = (() => {
      try {
        unwrap(result);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      'getUserSettings failed with HTTP 502: <html><body>bad gateway: [REDACTED]</body></html>',
    );
  });

  it('parseAs "text" is left to the caller: the body is not judged as JSON', async () => {
    const portabl = serverAnswering(
      () => new Response('plain', { status: 200, headers: { 'content-type': 'text/plain' } }),
    ).client();
    const result = await portabl.GET('/provider/users/{userId}/settings', { ...userPath, parseAs: 'text' });
    expect(result.data).toBe('plain');
  });

  it('createPortablClient still gets its token answered as JSON (the token request reads text itself)', async () => {
    const server = fakePortabl();
    const client = createPortablClient({
      clientId: 'test-client-id',
      clientSecret: CLIENT_SECRET,
      baseUrl: 'http://127.0.0.1:4010',
      fetch: server.fetch,
      clock: server.clock,
    });
    expect(unwrap(await client.GET('/provider/users/{userId}/settings', userPath))).toEqual({ isSyncOn: true });
  });
});
