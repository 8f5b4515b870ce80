// A success body that breaks off is sent again below the token layer (src/transport/fetch.ts). When that later
// answer is a 401 (the token was revoked meanwhile), the client does what it does for a first answer 401: one new
// token, one resend. Over real sockets: a broken body only happens with the platform's fetch.
import { afterEach, describe, expect, it } from 'vitest';
import { createPortablClient } from '../../../src/portabl/index.js';
import { FakeClock } from '../../support/fake-clock.js';
import { CLIENT_SECRET, settingsPath } from '../../support/fake-portabl.js';
import { type FakeHttpServer, startHttpServer } from '../../support/http-server.js';

let server: FakeHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SETTINGS = JSON.stringify({ isSyncOn: true });
const json = (status: number, value: unknown) => {
  const body = JSON.stringify(value);
  return {
    status,
    body,
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  };
};

describe('a 401 answering the resend of a broken body', () => {
  it('gets a new token and resends once, ending with the answer to the new token', async () => {
    let tokens = 0;
    let apiCalls = 0;
    const revoked = new Set<string>();
    server = await startHttpServer((request, res, raw) => {
      if (request.url === '/provider/token') {
        tokens++;
        const answer = json(200, {
          tokenType: 'Bearer',
          scope: 'read:provider-users',
          accessToken: `fake.access.token-${tokens}`,
          expiresIn: 3600,
        });
        res.writeHead(answer.status, answer.headers).end(answer.body);
        return;
      }
      apiCalls++;
      const token = String(request.headers['authorization']).replace('Bearer ', '');
      if (apiCalls === 1) {
        // Headers and a first piece of the body, then the connection closes; the token is revoked meanwhile.
        revoked.add(token);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(SETTINGS.length) });
        res.write(SETTINGS.slice(0, 4), () => raw.socket.destroy());
        return;
      }
      const answer = revoked.has(token)
        ? json(401, { code: 'invalid_token', message: 'The access token is invalid or expired.' })
        : json(200, JSON.parse(SETTINGS));
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
    const portabl = createPortablClient({
      clientId: 'fake-client-id',
      clientSecret: CLIENT_SECRET,
      baseUrl: server.origin,
      clock: new FakeClock(),
    });

    const { data, error, response } = await portabl.GET('/provider/users/{userId}/settings', settingsPath);

    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(JSON.parse(SETTINGS));
    expect(tokens).toBe(2);
    // The broken answer, its resend (401 with the revoked token), and the resend with the new token.
    expect(apiCalls).toBe(3);
    expect(server.received.filter((r) => r.url !== '/provider/token').map((r) => r.headers['authorization'])).toEqual([
      'Bearer fake.access.token-1',
      'Bearer fake.access.token-1',
      'Bearer fake.access.token-2',
    ]);
  });
});
