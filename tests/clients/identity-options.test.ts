import { describe, expect, it } from 'vitest';
import { ClientOptionsError, createIdentityClient, type IdentityClientOptions } from '../../src/identity/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';

const create = (options: Record<string, unknown>) => () =>
  createIdentityClient(options as unknown as IdentityClientOptions);

describe('createIdentityClient options', () => {
  it('accepts the API key alone, and every documented option', () => {
    expect(create({ apiKey: 'fake-api-key-for-tests' })).not.toThrow();
    expect(
      create({
        apiKey: 'fake-api-key-for-tests',
        server: 'production',
        timeoutMs: 1_000,
        retry: false,
        validateResponses: false,
      }),
    ).not.toThrow();
  });

  it.each([
    [{}, 'createIdentityClient: apiKey is required and must be a string (got undefined)'],
    [{ apiKey: '' }, 'createIdentityClient: apiKey must not be empty or blank'],
    [
      { apiKey: 'fake-api-key-for-tests', server: 'development' },
      'createIdentityClient: server "development" is unknown; use one of "sandbox", "production", or baseUrl for any other URL',
    ],
    [
      { apiKey: 'fake-api-key-for-tests', apikey: 'fake-api-key-for-tests' },
      'createIdentityClient: unknown option "apikey"; known: apiKey, server, baseUrl, fetch, timeoutMs, retry, validateResponses, validateRequests, maxResponseBytes, headers, clock',
    ],
    [
      { apiKey: 'fake-api-key-for-tests', baseUrl: 'ftp://files.example.com' },
      'createIdentityClient: baseUrl must use http or https (got "ftp:")',
    ],
    [
      { apiKey: 'fake-api-key-for-tests', server: 1 },
      'createIdentityClient: server must be one of "sandbox", "production" (got number)',
    ],
    // Refused rather than trimmed: fetch would send the key trimmed, but redaction would look for it untrimmed.
    [
      { apiKey: 'fake-key\n' },
      'createIdentityClient: apiKey must not start or end with whitespace (a line break copied from a file or an environment variable?)',
    ],
    [{ apiKey: ' fake-key' }, 'createIdentityClient: apiKey must not start or end with whitespace'],
    // url.search and url.hash are '' for a bare "?" or "#", which would still prefix every request path.
    [
      { apiKey: 'fake-api-key-for-tests', baseUrl: 'http://127.0.0.1:4010/api?' },
      'createIdentityClient: baseUrl must not contain a query string or fragment ("?" or "#")',
    ],
    [
      { apiKey: 'fake-api-key-for-tests', baseUrl: 'http://127.0.0.1:4010/api#' },
      'createIdentityClient: baseUrl must not contain a query string or fragment ("?" or "#")',
    ],
  ])('rejects %j with a clear error', (options, message) => {
    const call = create(options);
    expect(call).toThrow(ClientOptionsError);
    expect(call).toThrow(message);
  });

  it('reads retry {attempts: undefined}, which the type allows, as the default of 3 attempts', async () => {
    const fetch = fakeFetch(() => json({ code: 'unavailable', message: 'busy' }, 503));
    const identity = createIdentityClient({
      apiKey: 'fake-api-key-for-tests',
      baseUrl: BASE_URL,
      fetch,
      clock: new FakeClock(),
      retry: { attempts: undefined },
    });

    const { response } = await identity.GET('/identities');

    expect(response.status).toBe(503);
    expect(fetch.requests).toHaveLength(3);
  });
});
