import { describe, expect, it } from 'vitest';
import { ClientOptionsError, createPortablClient, type PortablClientOptions } from '../../src/portabl/index.js';

const valid = { clientId: 'test-client-id', clientSecret: 'fake-client-secret-DO-NOT-USE-7f3a9c' };
const create = (options: Record<string, unknown>) => () =>
  createPortablClient(options as unknown as PortablClientOptions);

describe('createPortablClient options', () => {
  it('accepts the credentials alone, and every documented option', () => {
    expect(create(valid)).not.toThrow();
    expect(
      create({
        ...valid,
        scopes: ['read:provider-users'],
        server: 'development',
        timeoutMs: 5_000,
        retry: { attempts: 2 },
        validateResponses: true,
        fetch: globalThis.fetch,
      }),
    ).not.toThrow();
    expect(create({ ...valid, baseUrl: 'http://127.0.0.1:4010/', retry: false })).not.toThrow();
  });

  it.each([
    [undefined, 'createPortablClient: options must be an object (got undefined)'],
    [
      { clientSecret: valid.clientSecret },
      'createPortablClient: clientId is required and must be a string (got undefined)',
    ],
    [{ ...valid, clientId: '  ' }, 'createPortablClient: clientId must not be empty or blank'],
    [
      { clientId: valid.clientId, clientSecret: 42 },
      'createPortablClient: clientSecret is required and must be a string (got number)',
    ],
    [
      { clientId: valid.clientId, clientSecret: ['a'] },
      'createPortablClient: clientSecret is required and must be a string (got an array)',
    ],
    [
      { ...valid, clientID: 'x' },
      'createPortablClient: unknown option "clientID"; known: clientId, clientSecret, scopes, server, baseUrl, fetch, timeoutMs, retry, validateResponses, validateRequests, maxResponseBytes, headers, clock',
    ],
    [
      { ...valid, server: 'staging' },
      'createPortablClient: server "staging" is unknown; use one of "production", "development", or baseUrl for any other URL',
    ],
    [
      { ...valid, server: 'sandbox' },
      'createPortablClient: server "sandbox" is unknown; use one of "production", "development", or baseUrl for any other URL',
    ],
    [{ ...valid, baseUrl: 'localhost:4010' }, 'createPortablClient: baseUrl must use http or https (got "localhost:")'],
    [
      { ...valid, baseUrl: '/api/v1' },
      'createPortablClient: baseUrl must be an absolute URL such as "http://127.0.0.1:4010" (it could not be parsed)',
    ],
    [
      { ...valid, baseUrl: 'https://me:pw@api.example.com' },
      'createPortablClient: baseUrl must not contain user info (user:password@); pass credentials as options',
    ],
    [
      { ...valid, baseUrl: 'https://api.example.com/?debug=1' },
      'createPortablClient: baseUrl must not contain a query string or fragment',
    ],
    [
      { ...valid, scopes: 'read:provider-users' },
      'createPortablClient: scopes must be an array of scope names (got string)',
    ],
    [
      { ...valid, scopes: ['read:provider-users update:settings'] },
      'createPortablClient: scopes[0] must be a scope name "<action>:<resource>" such as "read:provider-users" (pattern ^[a-z]+:[a-z]+(-[a-z]+)*$)',
    ],
    // The spec's AccessTokenRequest.scopes has minItems 1: an empty list is refused, not sent.
    [
      { ...valid, scopes: [] },
      'createPortablClient: scopes must list at least 1 scope; leave it out to get every scope granted to the client',
    ],
    [
      { ...valid, scopes: ['read:provider-users', 'READ:Users'] },
      'createPortablClient: scopes[1] must be a scope name "<action>:<resource>" such as "read:provider-users"',
    ],
    [
      { ...valid, scopes: ['read:provider-users', 'read:provider-users'] },
      'createPortablClient: scopes[1] repeats "read:provider-users"; list each scope once',
    ],
    [
      { ...valid, scopes: Array.from({ length: 33 }, (_, i) => `read:${'x'.repeat(i + 1)}`) },
      'createPortablClient: scopes must list at most 32 scopes (got 33)',
    ],
    [
      { ...valid, baseUrl: 'https://api.example.com/v1?' },
      'createPortablClient: baseUrl must not contain a query string or fragment ("?" or "#")',
    ],
    [
      { ...valid, timeoutMs: 0 },
      'createPortablClient: timeoutMs must be an integer number of ms from 1 to 2147483647 (got 0)',
    ],
    [
      { ...valid, timeoutMs: '5000' },
      'createPortablClient: timeoutMs must be an integer number of ms from 1 to 2147483647 (got string)',
    ],
    [
      { ...valid, retry: true },
      'createPortablClient: retry must be false or an object {attempts, baseDelayMs, maxDelayMs} (got boolean)',
    ],
    [
      { ...valid, retry: { attempts: 0 } },
      'createPortablClient: retry.attempts must be an integer from 1 to 10 (got 0)',
    ],
    [
      { ...valid, retry: { attempts: 11 } },
      'createPortablClient: retry.attempts must be an integer from 1 to 10 (got 11)',
    ],
    [
      { ...valid, retry: { baseDelayMs: -1 } },
      'createPortablClient: retry.baseDelayMs must be an integer number of ms from 0 to 2147483647 (got -1)',
    ],
    [
      { ...valid, retry: { baseDelayMs: 500, maxDelayMs: 100 } },
      'createPortablClient: retry.maxDelayMs (100) must not be less than retry.baseDelayMs (500)',
    ],
    [
      { ...valid, retry: { tries: 3 } },
      'createPortablClient: unknown option "tries"; known: attempts, baseDelayMs, maxDelayMs',
    ],
    [{ ...valid, fetch: 'fetch' }, 'createPortablClient: fetch must be a function (got string)'],
    [{ ...valid, validateResponses: 'yes' }, 'createPortablClient: validateResponses must be a boolean (got string)'],
    [
      { ...valid, clock: {} },
      'createPortablClient: clock must be an object with now(), sleep(ms, signal) and deadline(ms) functions',
    ],
  ])('rejects %j with a clear error', (options, message) => {
    const call = create(options as Record<string, unknown>);
    expect(call).toThrow(ClientOptionsError);
    expect(call).toThrow(message);
  });
});
