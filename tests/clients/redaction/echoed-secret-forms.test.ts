// A server that echoes the request rarely quotes a secret exactly as sent: a raw JSON body quoted inside a JSON
// string escapes `"` and `\`, some encoders also escape `/`, and a URL or form echo percent-encodes. Each of
// these forms must be redacted like the secret itself.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createIdentityClient, unwrap } from '../../../src/identity/index.js';
import { BASE_URL, json } from '../../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

// Fake, and within the spec's clientSecret pattern (visible ASCII), with every character the forms change.
const SECRET = 'fake-Secret"quote\\backslash/slash&amp=eq';
const API_KEY = 'fake-api-key"quote\\backslash/slash+plus';

const forms: [string, (secret: string) => string][] = [
  ['JSON-escaped, as in a quoted request body', (s) => JSON.stringify(s).slice(1, -1)],
  ['JSON-escaped with "/" escaped too', (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/')],
  ['percent-encoded, as in a quoted URL or form body', (s) => encodeURIComponent(s)],
];

const everyText = (error: unknown) =>
  [String(error), (error as Error).stack ?? '', JSON.stringify(error), inspect(error, { depth: Infinity })].join('\n');

describe('echoed forms of a secret', () => {
  it.each(forms)('redacts the client secret echoed %s', async (_form, encode) => {
    const echoed = encode(SECRET);
    expect(echoed).not.toBe(SECRET); // the form differs from the secret, or this case proves nothing
    const server = fakePortabl({
      token: () => json({ code: 'bad_request', message: `invalid request body: ${echoed}` }, 400),
    });

    const error = await server
      .client({ clientSecret: SECRET, retry: false })
      .GET('/provider/users/{userId}/settings', settingsPath)
      .catch((e: unknown) => e);

    expect((error as Error).message).toBe(
      'createAccessToken failed with HTTP 400 (bad_request): invalid request body: [REDACTED]',
    );
    expect(everyText(error)).not.toContain(echoed);
  });

  it.each(forms)('redacts the API key echoed %s', async (_form, encode) => {
    const echoed = encode(API_KEY);
    const identity = createIdentityClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      retry: false,
      fetch: async () => json({ code: 'internal', message: `upstream refused ${echoed}` }, 500),
    });

    const error = await (async () => unwrap(await identity.GET('/identities')))().catch((e: unknown) => e);

    expect((error as Error).message).toBe(
      'listIdentities failed with HTTP 500 (internal): upstream refused [REDACTED]',
    );
    expect(everyText(error)).not.toContain(echoed);
  });
});
