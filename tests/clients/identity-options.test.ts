import { describe, expect, it } from 'vitest';
import { ClientOptionsError, createIdentityClient, type IdentityClientOptions } from '../../src/identity/index.js';

const create = (options: Record<string, unknown>) => () => createIdentityClient(options as unknown as IdentityClientOptions);

describe('createIdentityClient options', () => {
  it('accepts the API key alone, and every documented option', () => {
    expect(create({ apiKey: 'fake-api-key-for-tests' })).not.toThrow();
    expect(create({ apiKey: 'k', server: 'production', timeoutMs: 1_000, retry: false, validateResponses: false })).not.toThrow();
  });

  it.each([
    [{}, 'createIdentityClient: apiKey is required and must be a string (got undefined)'],
    [{ apiKey: '' }, 'createIdentityClient: apiKey must not be empty or blank'],
    [{ apiKey: 'k', server: 'development' }, 'createIdentityClient: server "development" is unknown; use one of "sandbox", "production", or baseUrl for any other URL'],
    [{ apiKey: 'k', apikey: 'k' }, 'createIdentityClient: unknown option "apikey"; known: apiKey, server, baseUrl, fetch, timeoutMs, retry, validateResponses, clock'],
    [{ apiKey: 'k', baseUrl: 'ftp://files.example.com' }, 'createIdentityClient: baseUrl must use http or https (got "ftp:")'],
    [{ apiKey: 'k', server: 1 }, 'createIdentityClient: server must be one of "sandbox", "production" (got number)'],
  ])('rejects %j with a clear error', (options, message) => {
    const call = create(options);
    expect(call).toThrow(ClientOptionsError);
    expect(call).toThrow(message);
  });
});
