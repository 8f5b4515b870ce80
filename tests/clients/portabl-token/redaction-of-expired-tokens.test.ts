// Every access token a client receives is redacted from its errors. A long-lived client refreshes its token every
// hour, so the list would grow for ever; a token stops being redacted only once it has expired (it then grants
// nothing), never earlier, even after the API refused it.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/portabl/index.js';
import { json } from '../../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

/** An API error that quotes the first two tokens the server issued. */
const echoFirstTokens = () => json({ code: 'echo', message: 'seen fake.access.token-1 and fake.access.token-2' }, 500);

describe('redaction of access tokens over time', () => {
  it('still redacts a token the API refused while it has not expired', async () => {
    let echo = false;
    const server = fakePortabl({ expiresIn: 3600, api: () => (echo ? echoFirstTokens() : json({ isSyncOn: true })) });
    const portabl = server.client();
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    server.valid.delete('fake.access.token-1'); // refused from now on: the next call gets token 2
    echo = true;

    const error = await (async () =>
      unwrap(await portabl.GET('/provider/users/{userId}/settings', settingsPath)))().catch((e: unknown) => e);

    expect(server.issued).toEqual(['fake.access.token-1', 'fake.access.token-2']);
    expect((error as Error).message).toBe(
      'getUserSettings failed with HTTP 500 (echo): seen [REDACTED] and [REDACTED]',
    );
  });

  it('stops redacting a token once it has expired, and keeps redacting the current one', async () => {
    let echo = false;
    const server = fakePortabl({ expiresIn: 3600, api: () => (echo ? echoFirstTokens() : json({ isSyncOn: true })) });
    const portabl = server.client();
    await portabl.GET('/provider/users/{userId}/settings', settingsPath);
    // Past token 1's expiry plus the 60 s allowed for clock differences with the server.
    server.clock.advance(3600_000 + 60_000);
    echo = true;

    const error = await (async () =>
      unwrap(await portabl.GET('/provider/users/{userId}/settings', settingsPath)))().catch((e: unknown) => e);

    expect(server.issued).toEqual(['fake.access.token-1', 'fake.access.token-2']);
    expect((error as Error).message).toBe(
      'getUserSettings failed with HTTP 500 (echo): seen fake.access.token-1 and [REDACTED]',
    );
  });
});
