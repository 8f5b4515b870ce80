// paginate(identity, '/identities', init): every identity of a filtered list, page after page, as an async iterator.
// The page-number scheme and the `total` that bounds it are the spec's (`page[size]`, `page[number]`,
// IdentityListResponse.total); nothing here reads the spec at run time.
import type { FetchOptions } from 'openapi-fetch';
import type { components, paths } from '../../generated/identity/schema.js';
import { unwrap } from '../errors.js';
import type { IdentityClient } from './client.js';

/** The list paths `paginate` walks, with the item and page types the spec gives each. */
export interface PaginatedPaths {
  '/identities': { item: components['schemas']['Identity']; page: components['schemas']['IdentityListResponse'] };
}
export type PaginatedPath = keyof PaginatedPaths;

type ListQuery = NonNullable<NonNullable<paths['/identities']['get']['parameters']['query']>>;

/**
 * What `paginate` sends with every page: the list's `filter`, `sort` and `page` (its `size` kept for every page,
 * its `number` the first page to read, default 1), plus any fetch option of the client (`headers`, `signal`...).
 * `all` is left out: `all=true` answers every match at once, so there is nothing to paginate.
 */
export type PaginateInit = Omit<FetchOptions<paths['/identities']['get']>, 'params'> & {
  // Both page fields are optional here: the generated type requires them because the spec gives defaults.
  params?: { query?: Omit<ListQuery, 'all' | 'page'> & { page?: Partial<NonNullable<ListQuery['page']>> } };
};

/** The identities of every page (`for await (const identity of ...)`), or with `pages()` the pages themselves. */
export interface Paginated<P extends PaginatedPath> extends AsyncIterable<PaginatedPaths[P]['item']> {
  /** Each page as the API answered it (`{ total, data }`), the first one being `page.number` (default 1). */
  pages(): AsyncIterable<PaginatedPaths[P]['page']>;
}

/** A call of `paginate` that can never work: names the argument and what it must be. */
export class PaginateError extends TypeError {
  override readonly name = 'PaginateError';
}

const PAGINATED: readonly string[] = ['/identities'] satisfies PaginatedPath[];

function check(client: unknown, path: unknown, init: PaginateInit | undefined): void {
  if (typeof (client as IdentityClient | null)?.GET !== 'function') {
    throw new PaginateError('paginate: the first argument must be a client from createIdentityClient');
  }
  if (typeof path !== 'string' || !PAGINATED.includes(path)) {
    throw new PaginateError(
      `paginate: ${JSON.stringify(path)} is not a paginated list; paginated: ${PAGINATED.join(', ')}`,
    );
  }
  const query = init?.params?.query as Partial<ListQuery> | undefined;
  if (query?.all !== undefined) {
    throw new PaginateError(
      'paginate: `all` answers every identity at once, there are no pages; leave it out, or call identity.GET itself',
    );
  }
  const page = query?.page;
  for (const key of ['size', 'number'] as const) {
    const value = page?.[key];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 1)) {
      throw new PaginateError(
        `paginate: page.${key} must be a whole number of at least 1 (got ${JSON.stringify(value)})`,
      );
    }
  }
}

async function* walkPages(
  client: IdentityClient,
  init: PaginateInit,
): AsyncGenerator<PaginatedPaths['/identities']['page']> {
  const query = init.params?.query ?? {};
  const size = query.page?.size;
  const firstNumber = query.page?.number ?? 1;
  // Without a size the server's default applies (30 in the spec); the first page's length tells it, and the
  // following pages keep it. Items before the first page read count towards `total`.
  let pageSize = size;
  let seen = 0;
  for (let number = firstNumber; ; number++) {
    init.signal?.throwIfAborted();
    const page = unwrap(
      await client.GET('/identities', {
        ...init,
        // Without a size none is sent (the server's default); the generated type wants both fields, hence the cast.
        params: {
          ...init.params,
          query: { ...query, page: { ...query.page, number, ...(size === undefined ? {} : { size }) } } as ListQuery,
        },
      }),
    );
    pageSize ??= page.data.length;
    if (number === firstNumber) seen = (firstNumber - 1) * pageSize;
    // An empty page ends the walk even below `total`: identities deleted meanwhile shrink the list, and
    // asking for further pages would only repeat the empty answer.
    if (page.data.length === 0) return;
    yield page;
    seen += page.data.length;
    if (seen >= page.total) return;
  }
}

/**
 * Walks a paginated list of the Identities API page by page, sending the same `filter`, `sort` and page size
 * each time, and stops when the items read reach the `total` the last page reported (or a page comes back
 * empty). Nothing is fetched until you start iterating; each `for await` starts again from `page.number`.
 *
 * Errors: a 4xx/5xx page throws its `ApiError` (as `unwrap` does), an aborted `init.signal` throws its reason
 * before the next identity or page (and cancels a page in flight), a wrong argument throws `PaginateError`.
 *
 * @example
 * ```ts
 * import { createIdentityClient, like, paginate } from '@kyc-contracts/sdk/identity';
 * const identity = createIdentityClient({ apiKey: process.env.PUBLICMINT_API_KEY! });
 * for await (const person of paginate(identity, '/identities', { params: { query: { filter: { type: 'person' }, page: { size: 100 } } } })) {
 *   console.log(person.id, person.email);
 * }
 * for await (const page of paginate(identity, '/identities', { params: { query: { filter: { email: like('@example.com') } } } }).pages()) {
 *   console.log(`${page.data.length} of ${page.total}`);
 * }
 * ```
 */
export function paginate<P extends PaginatedPath>(client: IdentityClient, path: P, init?: PaginateInit): Paginated<P> {
  check(client, path, init);
  const options = init ?? {};
  return {
    pages: () => ({ [Symbol.asyncIterator]: () => walkPages(client, options) }),
    async *[Symbol.asyncIterator]() {
      for await (const page of walkPages(client, options)) {
        // Checked before each item, not only each page: an abort stops the loop at once, not a page later.
        for (const item of page.data) {
          options.signal?.throwIfAborted();
          yield item;
        }
      }
    },
  };
}
