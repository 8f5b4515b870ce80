// The client secret and every token must be absent from everything a client throws: message, stack, cause,
// body, headers, any property, however the error is serialised. Each scenario below provokes one error from a
// server or network that echoes what it received, the worst case.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createPortablClient, unwrap } from '../../../src/portabl/index.js';
import type { FakeClock } from '../../support/fake-clock.js';
import { BASE_URL, json } from '../../support/fake-fetch.js';
import { CLIENT_ID, CLIENT_SECRET, fakePortabl, settingsPath } from '../../support/fake-portabl.js';

const ECHOED_TOKEN = 'fake.access.token-echoed-in-a-broken-answer';

/** Every way an error is commonly turned into text: logs, JSON error reporters, debuggers. */
function serialisations(error: unknown): string[] {
  const e = error as Error;
  return [
    String(error),
    e.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(error, Object.getOwnPropertyNames(error)),
    inspect(error, { showHidden: true, depth: Infinity, getters: true }),
  ];
}

async function thrownBy(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function expectNoSecrets(error: unknown, secrets: string[]) {
  expect(error).toBeInstanceOf(Error);
  for (const text of serialisations(error)) {
    for (const secret of secrets) expect(text, `${(error as Error).name} leaks ${secret}`).not.toContain(secret);
  }
}

/** A body that quotes the request's body and Authorization header back, as some debug servers do. */
async function echo(request: Request, recordedBody: string, status: number) {
  return json(
    {
      code: 'echo',
      message: `received ${recordedBody} with ${request.headers.get('authorization') ?? 'no auth'}`,
      request: { body: recordedBody, authorization: request.headers.get('authorization') },
    },
    status,
    { 'x-echo-authorization': request.headers.get('authorization') ?? '', 'x-echo-body': recordedBody },
  );
}

describe('no secret or token in any thrown error', () => {
  const scenarios: Record<string, () => Promise<{ error: unknown; issued: string[] }>> = {
    'token request refused with an echo of the credentials (TokenRequestError)': async () => {
      const server = fakePortabl({ token: (request, recorded) => echo(request, recorded.body, 400) });
      const error = await thrownBy(() => server.client().GET('/provider/users/{userId}/settings', settingsPath));
      expect((error as Error).name).toBe('TokenRequestError');
      return { error, issued: server.issued };
    },
    'token answer that is not JSON and quotes a token (TokenResponseError)': async () => {
      const server = fakePortabl({
        token: () => new Response(`oops ${ECHOED_TOKEN} ${CLIENT_SECRET}`, { status: 200 }),
      });
      const error = await thrownBy(() => server.client().GET('/provider/users/{userId}/settings', settingsPath));
      expect((error as Error).name).toBe('TokenResponseError');
      return { error, issued: server.issued };
    },
    'token answer without expiresIn (TokenResponseError)': async () => {
      const server = fakePortabl({ token: () => json({ tokenType: 'Bearer', accessToken: ECHOED_TOKEN }) });
      const error = await thrownBy(() => server.client().GET('/provider/users/{userId}/settings', settingsPath));
      expect((error as Error).name).toBe('TokenResponseError');
      return { error, issued: server.issued };
    },
    'token answer that breaks the spec under validateResponses (ResponseValidationError)': async () => {
      const server = fakePortabl({
        token: () =>
          json({ tokenType: 'Bearer', accessToken: `${ECHOED_TOKEN} !`, expiresIn: 60, scope: CLIENT_SECRET }),
      });
      const error = await thrownBy(() =>
        server.client({ validateResponses: true }).GET('/provider/users/{userId}/settings', settingsPath),
      );
      expect((error as Error).name).toBe('ResponseValidationError');
      return { error, issued: server.issued };
    },
    'API error that echoes the Authorization header (ApiError from unwrap)': async () => {
      const server = fakePortabl({ api: (request, recorded) => echo(request, recorded.body, 500) });
      const portabl = server.client();
      const error = await thrownBy(async () =>
        unwrap(
          await portabl.PUT('/provider/users/{userId}/settings', {
            ...settingsPath,
            body: { settings: { isSyncOn: true } },
          }),
        ),
      );
      expect((error as Error).name).toBe('ApiError');
      return { error, issued: server.issued };
    },
    'second 401 that echoes the refused token (ApiError from unwrap)': async () => {
      const server = fakePortabl({ api: (request, recorded) => echo(request, recorded.body, 401) });
      const portabl = server.client();
      const error = await thrownBy(async () =>
        unwrap(await portabl.GET('/provider/users/{userId}/settings', settingsPath)),
      );
      expect((error as Error).name).toBe('ApiError');
      expect(server.issued).toHaveLength(2); // refreshed once, and the second token was echoed too
      return { error, issued: server.issued };
    },
    'network failure whose error quotes the request and holds it (NetworkError)': async () => {
      const server = fakePortabl();
      const portabl = createPortablClient({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        baseUrl: BASE_URL,
        clock: server.clock,
        fetch: async (request) => {
          if (new URL(request.url).pathname === '/provider/token') return server.fetch(request);
          const body = await request.clone().text();
          throw Object.assign(new TypeError(`socket hang up sending ${request.headers.get('authorization')} ${body}`), {
            request,
            code: 'ECONNRESET',
          });
        },
      });
      const error = await thrownBy(() =>
        portabl.PUT('/provider/users/{userId}/settings', { ...settingsPath, body: { settings: { isSyncOn: true } } }),
      );
      expect((error as Error).name).toBe('NetworkError');
      return { error, issued: server.issued };
    },
    'network failure of the token request that quotes its body (NetworkError)': async () => {
      const server = fakePortabl();
      const portabl = server.client({
        fetch: async (request) => {
          throw new TypeError(`could not send ${await request.text()}`);
        },
      });
      const error = await thrownBy(() => portabl.GET('/provider/users/{userId}/settings', settingsPath));
      expect((error as Error).name).toBe('NetworkError');
      return { error, issued: server.issued };
    },
    'timeout (RequestTimeoutError)': async () => {
      let clock: FakeClock | undefined;
      const server = fakePortabl({
        api: () =>
          new Promise<Response>(() => {
            setImmediate(() => clock?.expireDeadlines());
          }),
      });
      clock = server.clock;
      const error = await thrownBy(() => server.client().GET('/provider/users/{userId}/settings', settingsPath));
      expect((error as Error).name).toBe('RequestTimeoutError');
      return { error, issued: server.issued };
    },
    'invalid options next to a valid secret (ClientOptionsError)': async () => {
      const error = await thrownBy(async () =>
        createPortablClient({
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          baseUrl: `https://user:${CLIENT_SECRET}@example.com`,
        }),
      );
      expect((error as Error).name).toBe('ClientOptionsError');
      return { error, issued: [] };
    },
  };

  it.each(Object.keys(scenarios))('%s', async (name) => {
    const { error, issued } = await scenarios[name]!();
    expectNoSecrets(error, [CLIENT_SECRET, ECHOED_TOKEN, ...issued]);
  });

  it('redacts rather than drops: the echoed body still shows where the secret was', async () => {
    const server = fakePortabl({ token: (request, recorded) => echo(request, recorded.body, 400) });
    const error = (await thrownBy(() => server.client().GET('/provider/users/{userId}/settings', settingsPath))) as {
      body: { request: { body: string } };
    };
    expect(JSON.parse(error.body.request.body)).toEqual({ clientId: CLIENT_ID, clientSecret: '[REDACTED]' });
  });
});
