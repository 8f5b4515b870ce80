// The platform's fetch replaced, for one measurement, by one that answers from memory what the bare target answers
// over a socket (fixtures.mjs ROUTES). A call's CPU time against the bare server is mostly the platform's HTTP work
// (undici, the socket, the parser), the same for every variant and noisy from round to round; without it, what is
// left is each variant's own work (building the Request, the Response, reading and parsing its body) and the
// difference between a client and bare openapi-fetch stands out of the noise. Nothing is sent anywhere.
import { routeBody } from './fixtures.mjs';

/**
 * How many more calls a batch makes in memory than over HTTP: a call costs some 10× less there, and a batch must
 * last long enough (tens of ms) that a garbage collection lands in every batch alike rather than in a few.
 */
export const MEMORY_BATCH_FACTOR = 10;

/** The base URL the clients are given while the memory fetch answers: a reserved name, never resolved. */
export const MEMORY_BASE = 'http://bench.invalid';

/**
 * Like the platform's fetch: builds a Request from its arguments (so that it follows the init's signal, as fetch
 * does) and answers a Response with the body, `content-type` and `content-length` of the bare target's answer.
 * @param {RequestInfo | URL} input
 * @param {RequestInit} [init]
 * @returns {Promise<Response>}
 */
async function memoryFetch(input, init) {
  const request = new Request(input, init);
  if (request.signal.aborted) throw request.signal.reason;
  if (request.body) await request.arrayBuffer();
  const body = routeBody(request.method, new URL(request.url).pathname);
  if (!body)
    return new Response('{"code":"not_found"}', { status: 404, headers: { 'content-type': 'application/json' } });
  // A Buffer is a Uint8Array, which a Response takes; DOM's BodyInit type does not list Node's Buffer.
  return new Response(/** @type {Uint8Array<ArrayBuffer>} */ (body), {
    status: 200,
    headers: { 'content-type': 'application/json', 'content-length': String(body.byteLength) },
  });
}

/**
 * Runs `measure` with `globalThis.fetch` answering from memory (clients made inside it, bare openapi-fetch included,
 * use it), and puts the platform's fetch back afterwards, even when `measure` throws.
 * @template T
 * @param {(base: string) => Promise<T>} measure given MEMORY_BASE
 * @returns {Promise<T>}
 * @example const perCall = await withMemoryFetch((base) => timeCalls(() => fetch(`${base}/identities/x`), 100, 1));
 */
export async function withMemoryFetch(measure) {
  const platform = globalThis.fetch;
  globalThis.fetch = memoryFetch;
  try {
    return await measure(MEMORY_BASE);
  } finally {
    globalThis.fetch = platform;
  }
}
