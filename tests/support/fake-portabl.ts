// A fake Portabl server: issues numbered fake tokens and accepts only the ones it considers valid, so tests can
// count token requests and see which token each API call carried.
import { createPortablClient, type PortablClientOptions } from '../../src/portabl/index.js';
import { FakeClock } from './fake-clock.js';
import { BASE_URL, fakeFetch, json, type RecordedRequest } from './fake-fetch.js';

// Obviously fake credentials; the tests search every thrown error for them.
export const CLIENT_ID = 'test-client-id';
export const CLIENT_SECRET = 'fake-client-secret-DO-NOT-USE-7f3a9c';
export const USER_ID = '4c0ac449-135d-45c8-81f3-a8e96a508c2b';

export interface FakePortablOptions {
  /** Lifetime of issued tokens in seconds. */
  expiresIn?: number;
  /** Answers API requests (not the token one) that carry a valid token; default: 200 `{isSyncOn: true}`. */
  api?: (request: Request, recorded: RecordedRequest) => Response | Promise<Response>;
  /** false: the server refuses every token it issues (401 on every API call). */
  acceptTokens?: boolean;
  /** Answers the token request instead of issuing a token. */
  token?: (request: Request, recorded: RecordedRequest) => Response | undefined | Promise<Response | undefined>;
}

export function fakePortabl(options: FakePortablOptions = {}) {
  const issued: string[] = [];
  /** Tokens the server accepts; tests revoke some to provoke 401s. */
  const valid = new Set<string>();
  const fetch = fakeFetch(async (request, recorded) => {
    if (recorded.path === '/provider/token') {
      const custom = await options.token?.(request, recorded);
      if (custom) return custom;
      const token = `fake.access.token-${issued.length + 1}`;
      issued.push(token);
      if (options.acceptTokens !== false) valid.add(token);
      return json({
        tokenType: 'Bearer',
        scope: 'read:provider-users',
        accessToken: token,
        expiresIn: options.expiresIn ?? 3600,
      });
    }
    const bearer = recorded.headers['authorization']?.replace(/^Bearer /, '') ?? '';
    if (!valid.has(bearer))
      return json({ code: 'invalid_token', message: 'The access token is invalid or expired.' }, 401);
    return options.api ? options.api(request, recorded) : json({ isSyncOn: true });
  });
  const clock = new FakeClock();
  const tokenRequests = () => fetch.requests.filter((r) => r.path === '/provider/token');
  const apiRequests = () => fetch.requests.filter((r) => r.path !== '/provider/token');
  const client = (extra: Partial<PortablClientOptions> = {}) =>
    createPortablClient({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      baseUrl: BASE_URL,
      fetch,
      clock,
      ...extra,
    });
  return { fetch, clock, issued, valid, tokenRequests, apiRequests, client };
}

export const settingsPath = { params: { path: { userId: USER_ID } } } as const;
