import { describe, expect, it } from 'vitest';
import { ApiError, type components, createIdentityClient, PaginateError, paginate } from '../../src/identity/index.js';
import { BASE_URL, fakeFetch, json } from '../support/fake-fetch.js';

type Identity = components['schemas']['Identity'];

/** `count` stored identities with ids id-1..id-count, answered page by page like the API (default size 30). */
function listServer(
  count: number,
  options: { total?: (page: number) => number; status?: (page: number) => number } = {},
) {
  const identities = Array.from(
    { length: count },
    (_, i) => ({ id: `id-${i + 1}`, type: 'person', name: `Person ${i + 1}` }) as unknown as Identity,
  );
  return fakeFetch((request) => {
    const query = new URL(request.url).searchParams;
    const size = Number(query.get('page[size]') ?? 30);
    const number = Number(query.get('page[number]') ?? 1);
    const status = options.status?.(number) ?? 200;
    if (status !== 200) return json({ code: 'internal_error', message: 'down' }, status);
    return json({
      total: options.total?.(number) ?? count,
      data: identities.slice((number - 1) * size, number * size),
    });
  });
}

const ids = async (items: AsyncIterable<Identity>) => {
  const out: string[] = [];
  for await (const item of items) out.push(item.id);
  return out;
};
const pageQuery = (fetch: ReturnType<typeof fakeFetch>) =>
  fetch.requests.map((r) => {
    const q = new URL(r.url).searchParams;
    return `${q.get('page[number]')}/${q.get('page[size]')}`;
  });

describe('paginate over GET /identities', () => {
  it('yields every identity of every page, in order, and stops at total', async () => {
    const fetch = listServer(25);
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch });

    const got = await ids(paginate(identity, '/identities', { params: { query: { page: { size: 10 } } } }));

    expect(got).toEqual(Array.from({ length: 25 }, (_, i) => `id-${i + 1}`));
    // 25 of 25 read after the third page: no fourth request.
    expect(pageQuery(fetch)).toEqual(['1/10', '2/10', '3/10']);
  });

  it('keeps the filter, sort and page size on every page, and starts at the page number given', async () => {
    const fetch = listServer(9);
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch });

    const got = await ids(
      paginate(identity, '/identities', {
        params: { query: { filter: { type: 'person' }, sort: '-createdAt', page: { size: 3, number: 2 } } },
      }),
    );

    expect(got).toEqual(['id-4', 'id-5', 'id-6', 'id-7', 'id-8', 'id-9']);
    expect(pageQuery(fetch)).toEqual(['2/3', '3/3']);
    for (const request of fetch.requests) {
      const q = new URL(request.url).searchParams;
      expect([q.get('filter[type]'), q.get('sort')]).toEqual(['person', '-createdAt']);
    }
  });

  it("without a page size, sends none and keeps to the server's default", async () => {
    const fetch = listServer(61);
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch });

    expect(await ids(paginate(identity, '/identities'))).toHaveLength(61);
    expect(pageQuery(fetch)).toEqual(['1/null', '2/null', '3/null']);
  });

  it('pages() yields each page as answered', async () => {
    const fetch = listServer(5);
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch });

    const pages = [];
    for await (const page of paginate(identity, '/identities', { params: { query: { page: { size: 2 } } } }).pages())
      pages.push(page);

    expect(pages.map((p) => [p.total, p.data.map((i) => i.id)])).toEqual([
      [5, ['id-1', 'id-2']],
      [5, ['id-3', 'id-4']],
      [5, ['id-5']],
    ]);
  });

  it('stops at an empty page even when total says more (identities deleted meanwhile)', async () => {
    const fetch = listServer(4, { total: () => 10 });
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch });

    expect(await ids(paginate(identity, '/identities', { params: { query: { page: { size: 2 } } } }))).toEqual([
      'id-1',
      'id-2',
      'id-3',
      'id-4',
    ]);
    expect(pageQuery(fetch)).toEqual(['1/2', '2/2', '3/2']);
  });

  it('fetches nothing until iterated, and starts again on each iteration', async () => {
    const fetch = listServer(3);
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch });
    const all = paginate(identity, '/identities', { params: { query: { page: { size: 2 } } } });
    expect(fetch.requests).toHaveLength(0);

    expect(await ids(all)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(await ids(all)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(fetch.requests).toHaveLength(4);
  });

  it('throws the ApiError of a failing page, after the identities already read', async () => {
    const fetch = listServer(10, { status: (page) => (page === 2 ? 500 : 200) });
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch, retry: false });
    const got: string[] = [];

    const error = await (async () => {
      for await (const item of paginate(identity, '/identities', { params: { query: { page: { size: 4 } } } }))
        got.push(item.id);
    })().catch((e: unknown) => e);

    expect(got).toEqual(['id-1', 'id-2', 'id-3', 'id-4']);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
  });

  it('honours an AbortSignal: aborting throws its reason before the next identity and asks for no further page', async () => {
    const fetch = listServer(10);
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch });
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const got: string[] = [];

    const error = await (async () => {
      for await (const item of paginate(identity, '/identities', {
        params: { query: { page: { size: 2 } } },
        signal: controller.signal,
      })) {
        got.push(item.id);
        if (got.length === 3) controller.abort(reason);
      }
    })().catch((e: unknown) => e);

    expect(error).toBe(reason);
    // The abort came while the second page was being read: its second identity is not yielded, no third page asked for.
    expect(got).toEqual(['id-1', 'id-2', 'id-3']);
    expect(fetch.requests).toHaveLength(2);
  });

  it('cancels a page in flight when the signal aborts', async () => {
    let started: () => void = () => {};
    const requested = new Promise<void>((resolve) => (started = resolve));
    const fetch = fakeFetch(
      (request) =>
        new Promise<Response>((_, reject) => {
          started();
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
    );
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch });
    const controller = new AbortController();
    const reason = new Error('gave up');

    const pending = ids(paginate(identity, '/identities', { signal: controller.signal })).catch((e: unknown) => e);
    await requested;
    controller.abort(reason);

    expect(await pending).toBe(reason);
  });

  it('refuses, naming the argument, what cannot be paginated', () => {
    const identity = createIdentityClient({ apiKey: 'fake-api-key', baseUrl: BASE_URL, fetch: listServer(1) });
    // @ts-expect-error only paginated lists are accepted
    expect(() => paginate(identity, '/identities/{id}')).toThrow(
      /"\/identities\/\{id\}" is not a paginated list; paginated: \/identities/,
    );
    // @ts-expect-error all=true has no pages
    expect(() => paginate(identity, '/identities', { params: { query: { all: true } } })).toThrow(
      /`all` answers every identity at once/,
    );
    expect(() => paginate(identity, '/identities', { params: { query: { page: { size: 0 } } } })).toThrow(
      /page\.size must be a whole number of at least 1 \(got 0\)/,
    );
    // @ts-expect-error not a client
    expect(() => paginate({}, '/identities')).toThrow(PaginateError);
  });
});
