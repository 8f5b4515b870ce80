import { describe, expect, it } from 'vitest';
import { createIdentityClient, like } from '../../src/identity/index.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';

describe('Identities API key and query', () => {
  it('sends the key in the apikey header of every request, and no Authorization header', async () => {
    const fetch = fakeFetch(() => json({ total: 0, data: [] }));
    const identity = createIdentityClient({ apiKey: 'fake-api-key-for-tests', baseUrl: BASE_URL, fetch });

    await identity.GET('/identities');
    await identity.DELETE('/identities/{id}', { params: { path: { id: '0b0f7cbb-5f0a-4b0b-9a3e-6f2d2c1e0a11' } } });

    expect(fetch.requests.map((r) => r.headers['apikey'])).toEqual([
      'fake-api-key-for-tests',
      'fake-api-key-for-tests',
    ]);
    expect(fetch.requests.every((r) => r.headers['authorization'] === undefined)).toBe(true);
  });

  it('keeps the key out of reach of middleware registered with client.use', async () => {
    const fetch = fakeFetch(() => json({ total: 0, data: [] }));
    const identity = createIdentityClient({ apiKey: 'fake-api-key-for-tests', baseUrl: BASE_URL, fetch });
    const seen: (string | null)[] = [];
    identity.use({ onRequest: ({ request }) => void seen.push(request.headers.get('apikey')) });

    await identity.GET('/identities');

    expect(seen).toEqual([null]);
    expect(fetch.requests[0]?.headers['apikey']).toBe('fake-api-key-for-tests');
  });

  it('serialises filter and page as filter[field]=op:value and page[size]=n', async () => {
    const fetch = fakeFetch(() => json({ total: 0, data: [] }));
    const identity = createIdentityClient({ apiKey: 'fake-api-key-for-tests', baseUrl: BASE_URL, fetch });

    await identity.GET('/identities', {
      params: { query: { filter: { email: like('@example.com') }, page: { size: 10, number: 2 }, sort: '-createdAt' } },
    });

    const query = new URL(fetch.requests[0]?.url ?? '').searchParams;
    expect(query.get('filter[email]')).toBe('like:@example.com');
    expect(query.get('page[size]')).toBe('10');
    expect(query.get('page[number]')).toBe('2');
    expect(query.get('sort')).toBe('-createdAt');
  });
});
