// A success answer with a Content-Length is handed to the call unread and its body read under the attempt's deadline
// (src/transport/fetch.ts). The platform's fetch errors that body once the attempt's signal aborts; a global fetch
// that msw (`@kyc-contracts/sdk/msw`) or another interceptor put in its place need not. A body that stalls after the
// headers must still end the call: with RequestTimeoutError at the deadline, with the caller's reason on abort.
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityClient, RequestTimeoutError } from '../../src/identity/index.js';
import { FakeClock } from '../support/fake-clock.js';

const API_KEY = 'fake-api-key-stalled-msw-5b81';
const BASE_URL = 'http://stalled-body.example';
const ID = '38882f21-ce8f-4e18-8b83-e43e082912ef';

// Each answer sends its first bytes, then nothing more; `asked` is told once the client asks for more.
let asked = () => {};
/** Resolves once the answer to the next request has stalled with the client reading its body. */
function stalledRead(): Promise<void> {
  return new Promise((resolve) => {
    asked = resolve;
  });
}
const server = setupServer(
  http.get(`${BASE_URL}/identities/:id`, () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('{"data":'));
          else asked();
        },
      },
      { highWaterMark: 0 },
    );
    return new HttpResponse(body, { headers: { 'content-type': 'application/json', 'content-length': '64' } });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const path = { params: { path: { id: ID } } };

describe('a body that stalls after the headers, answered by msw', () => {
  it('ends the call with RequestTimeoutError when the deadline passes', async () => {
    const clock = new FakeClock();
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: BASE_URL, clock, retry: false });

    const stalled = stalledRead();
    const call = identity.GET('/identities/{id}', path).catch((error: unknown) => error);
    await stalled;
    clock.expireDeadlines();

    expect(await call).toBeInstanceOf(RequestTimeoutError);
  });

  it("ends the call with the caller's reason when the caller aborts", async () => {
    const identity = createIdentityClient({ apiKey: API_KEY, baseUrl: BASE_URL, retry: false });
    const controller = new AbortController();
    const reason = new Error('the caller gave up');

    const stalled = stalledRead();
    const call = identity.GET('/identities/{id}', { ...path, signal: controller.signal }).catch((e: unknown) => e);
    await stalled;
    controller.abort(reason);

    expect(await call).toBe(reason);
  });
});
