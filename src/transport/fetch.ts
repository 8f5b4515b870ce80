// The one fetch wrapper both clients hand to openapi-fetch's createClient({ fetch }). Middleware cannot send a
// request twice; a fetch function can, so deadlines and retries live here.
import { untilAborted } from './abort.js';
import { type Clock, systemClock } from './clock.js';
import { returnController, takeController } from './controller-pool.js';
import { type DeferredBody, heldBody, holdBody, replacementHook } from './deferred-body.js';
import {
  describeUrl,
  NetworkError,
  type NetworkFailure,
  RedirectRefusedError,
  RequestTimeoutError,
  ResponseTooLargeError,
  toNetworkFailure,
} from './errors.js';
import {
  backoffDelay,
  DEFAULT_RETRY,
  decideAfterStatus,
  IDEMPOTENT_METHODS,
  type RetryOptions,
  TRANSIENT_STATUSES,
} from './retry-policy.js';

/** The fetch signature openapi-fetch calls: it always passes a complete Request. */
export type FetchFunction = (request: Request) => Promise<Response>;

/** A credential header `[name, value]` the transport adds to the one Request each attempt sends. */
export type Credential = readonly [name: string, value: string];

/**
 * The transport: a FetchFunction that also takes the credential header to send. The caller's Request is never
 * changed, so middleware, which openapi-fetch hands that Request, never sees the credential.
 */
export type Transport = (request: Request, credential?: Credential) => Promise<Response>;

export interface TransportOptions {
  /** Sends one request; defaults to the global fetch (looked up per call, so test stubs of it are seen). */
  fetch?: FetchFunction | undefined;
  /** Deadline of each attempt, from sending until the whole body has arrived. */
  timeoutMs: number;
  /** Default: 3 attempts, 250 ms base, 10 s cap. */
  retry?: RetryOptions;
  /** Methods that may be retried. Default: the idempotent ones. The token request adds POST (see portabl/auth.ts). */
  retryMethods?: readonly string[];
  /** Statuses that are retried. Default: 429, 502, 503, 504. */
  retryStatuses?: readonly number[];
  clock?: Clock | undefined;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Removes secrets from text copied out of an underlying error. */
  redact?: (text: string) => string;
  /** Largest response body read, in bytes (default DEFAULT_MAX_RESPONSE_BYTES); a larger one fails with ResponseTooLargeError. */
  maxResponseBytes?: number;
  /**
   * True for a Request that no middleware sees, before or after the call: the credential header may then be set on
   * it (or on its clone) directly. Default: none is, and each attempt's credential goes into a copy of the headers.
   */
  isPrivate?: (request: Request) => boolean;
  /**
   * True for a Request whose answer caller code gets before the client reads its body (a caller's middleware): the
   * body is then read whole inside the attempt, as with a `fetch` option. Default: none is, and a bounded success
   * body may be handed back unread (deferred-body.ts).
   */
  readWhole?: (request: Request) => boolean;
}

// Requests of calls that read the body as a stream (or blob, arrayBuffer...) themselves: their answers are read
// whole inside the transport, since nothing would read an answer handed back unread under its deadline.
const wholeBodies = new WeakSet<Request>();

/**
 * Asks the transport to read the answer to `request` whole before handing it back (as with a `fetch` option), for a
 * call that reads the body itself (openapi-fetch's `parseAs: 'stream'`, `'blob'`, `'arrayBuffer'`): the deadline and
 * the size limit then hold for the whole body. Other success answers may be handed back unread (deferred-body.ts).
 */
export function readWholeBody(request: Request): void {
  wholeBodies.add(request);
}

/**
 * Default limit of a response body: 32 MiB. The largest answer either API documents is `GET /identities?all=true`,
 * unbounded by design; the spec's example identity is about 700 bytes of JSON, so this holds some 45,000 identities.
 * Raise `maxResponseBytes` for a larger account.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * What the client tells the transport about one call, as a property of openapi-fetch's Request named CALL_FACTS
 * (openapi-fetch copies an init key that a Request lacks onto the Request it builds). Only these two objects are
 * honoured, by identity; without either, the transport assumes the most (middleware, a caller's signal).
 * - `PRIVATE_CALL`: no middleware runs on the call, and only the client's result reads the answer's body
 *   (client-assembly.ts asks openapi-fetch for the stream): a held body needs no `text()`/`json()` of its own.
 * - `PRIVATE_UNSIGNALLED_CALL`: the same, and the caller gave no AbortSignal, so the Request's signal never aborts
 *   and an attempt need not listen to it.
 */
export const CALL_FACTS = 'kycContractsCall';
export const PRIVATE_CALL: CallFacts = Object.freeze({ unsignalled: false });
export const PRIVATE_UNSIGNALLED_CALL: CallFacts = Object.freeze({ unsignalled: true });
export interface CallFacts {
  readonly unsignalled: boolean;
}

/** The facts the client set on `request` (see CALL_FACTS), if they are one of the two the transport honours. */
function callFactsOf(request: Request): CallFacts | undefined {
  const facts = (request as unknown as Record<string, unknown>)[CALL_FACTS];
  return facts === PRIVATE_CALL || facts === PRIVATE_UNSIGNALLED_CALL ? (facts as CallFacts) : undefined;
}

/** Statuses whose responses may not have a body (Fetch standard, "null body status"; the Response constructor rejects one). */
export const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A success answer whose body needs no copy to stay within `maxBytes`: its non-empty length is announced, within the
 * limit, and no content coding can expand it (the HTTP layer reads no more than the announced length).
 */
function isBounded(response: Response, maxBytes: number): boolean {
  if (!response.ok || NULL_BODY_STATUSES.has(response.status) || response.body === null) return false;
  const announced = response.headers.get('content-length');
  return (
    announced !== null &&
    /^\d+$/.test(announced) &&
    Number(announced) > 0 &&
    Number(announced) <= maxBytes &&
    response.headers.get('content-encoding') === null
  );
}

/**
 * Reads the whole body under the attempt's deadline and returns an equivalent Response holding it in memory.
 * Without this, a body that stalls after the headers would escape the deadline and fail later inside
 * openapi-fetch with a bare AbortError instead of a RequestTimeoutError. The APIs answer small JSON documents.
 */
async function readCompletely(
  response: Response,
  signal: AbortSignal,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Response> {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : await readLimited(response, signal, maxBytes, tooLarge);
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, 'url', { value: response.url, enumerable: false });
  // Read once, from these bytes, by whoever asks: the body of `copy` itself stays unread for a caller's clone().
  if (body) holdBody(copy, () => Promise.resolve({ response: copy, text: utf8.decode(body) }));
  return copy;
}

const utf8 = new TextDecoder();

/**
 * The text of `response`'s body without consuming it: the held body (deferred-body.ts), or else (a Response a
 * caller's middleware made) from a clone.
 */
export async function bodyText(response: Response): Promise<string> {
  const held = heldBody(response);
  if (held) return (await held).text;
  return response.body === null ? '' : response.clone().text();
}

/**
 * The body, read chunk by chunk so that the limit holds while it streams: an endless or oversized body stops at
 * `maxBytes` + one chunk, and the connection is released.
 */
async function readLimited(
  response: Response,
  signal: AbortSignal,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const announced = response.headers.get('content-length');
  if (announced !== null && /^\d+$/.test(announced.trim()) && Number(announced) > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  // A body announced within the limit is read whole (the HTTP layer stops at the announced length), with one wait
  // instead of one per chunk; undecoded content codings may expand past the announced length, so not for those.
  if (announced !== null && /^\d+$/.test(announced.trim()) && response.headers.get('content-encoding') === null) {
    try {
      return new Uint8Array(await untilAborted(response.arrayBuffer(), signal));
    } catch (error) {
      await response.body.cancel().catch(() => {});
      throw error;
    }
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

// The statuses fetch would follow (Fetch standard, "redirect status").
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Why no redirect is followed, not even to the same origin: a credential must only ever reach the configured
 * origin, and fetch's own rules do not ensure that. On a cross-origin redirect undici drops Authorization but
 * keeps custom headers such as the Identities `apikey`, and resends a 307/308 body (the Portabl token request
 * carries the client secret) to the new origin. Neither spec documents a 3xx answer, so a redirect means a
 * misconfigured baseUrl (http to https, a moved host) and is better reported than obeyed. Following same-origin
 * redirects ourselves would mean re-implementing fetch's method and body rewriting (303, 301/302 after POST)
 * for answers the APIs never give.
 */
function redirectOf(
  response: Response,
  request: Request,
): { status: number; location: string | undefined } | undefined {
  // Browsers hide a manual redirect behind an opaque response (status 0, no headers).
  if (response.type === 'opaqueredirect') return { status: response.status, location: undefined };
  // The status first: the header and the request's URL are looked up for a redirect only.
  if (!REDIRECT_STATUSES.has(response.status)) return undefined;
  const location = response.headers.get('location');
  if (location === null) return undefined;
  let target: string | undefined;
  try {
    target = describeUrl(new URL(location, request.url).href);
  } catch {
    target = undefined;
  }
  return { status: response.status, location: target };
}

class AttemptFailed {
  constructor(readonly failure: NetworkFailure) {}
}

export function createTransport(options: TransportOptions): Transport {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const redact = options.redact ?? ((text: string) => text);
  const retry = options.retry ?? DEFAULT_RETRY;
  const retryMethods = new Set((options.retryMethods ?? IDEMPOTENT_METHODS).map((m) => m.toUpperCase()));
  const retryStatuses = new Set(options.retryStatuses ?? TRANSIENT_STATUSES);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  /**
   * One attempt: a response read completely (or, `mayDefer`, a bounded success answer handed back unread, whose body
   * is read once when first asked for: deferred-body.ts), a RequestTimeoutError, the caller's abort reason, a
   * RedirectRefusedError (see redirectOf), or AttemptFailed. One AbortController per attempt (pooled:
   * controller-pool.ts), aborted by the deadline or by the caller's signal (one listener), instead of AbortSignal.any
   * over AbortSignal.timeout. With a `fetch` option the attempt's Request is the only one
   * built, and carries the credential header; with the platform's fetch, which builds its own, none is.
   */
  async function attempt(
    request: Request,
    credential: Credential | undefined,
    n: number,
    mayDefer: boolean,
    retryBody: (original: Response) => Promise<DeferredBody> | undefined,
    facts: CallFacts | undefined,
  ): Promise<Response> {
    // With a `fetch` option the attempt's Request (and so its signal) is the caller's fetch's to keep: a new
    // controller each time. The platform's fetch keeps none past the attempt: a pooled one (controller-pool.ts).
    let pooled = options.fetch ? undefined : takeController();
    const controller = pooled ? pooled.controller : new AbortController();
    const signal = controller.signal;
    let timedOut = false;
    const onDeadline = () => {
      timedOut = true;
      // The error itself is the reason: a body still being read (deferred, below) fails with it.
      controller.abort(new RequestTimeoutError(request.method, describeUrl(request.url), options.timeoutMs));
    };
    const onCallerAbort = () => controller.abort(request.signal.reason);
    let stopDeadline: () => void;
    if (clock === systemClock) {
      // A plain timer: cleared as soon as the body is read, and unref'd so an unfinished deadline never delays exit.
      const timer = setTimeout(onDeadline, options.timeoutMs);
      (timer as { unref?: () => void }).unref?.();
      stopDeadline = () => clearTimeout(timer);
    } else {
      const deadline = clock.deadline(options.timeoutMs);
      if (deadline.aborted) onDeadline();
      else deadline.addEventListener('abort', onDeadline, { once: true });
      stopDeadline = () => deadline.removeEventListener('abort', onDeadline);
    }
    // A Request without a caller's signal has one that never aborts (CALL_FACTS): nothing to follow.
    const follows = facts?.unsignalled !== true;
    if (follows) {
      if (request.signal.aborted) onCallerAbort();
      else request.signal.addEventListener('abort', onCallerAbort, { once: true });
    }
    const settle = (reusable = true) => {
      stopDeadline();
      if (follows) request.signal.removeEventListener('abort', onCallerAbort);
      // Once: a controller given back twice could serve two attempts at the same time.
      if (pooled && reusable) returnController(pooled);
      pooled = undefined;
    };
    const failure = (error: unknown) => {
      // The caller's own abort is theirs to handle: pass their reason through untouched, never retry.
      if (request.signal.aborted) return request.signal.reason as unknown;
      if (timedOut) return signal.reason as unknown;
      return new AttemptFailed(toNetworkFailure(error, redact));
    };
    let handedBack = false;
    let redirect: ReturnType<typeof redirectOf>;
    try {
      let response: Response;
      if (options.fetch) {
        const outgoing = new Request(request, { signal, redirect: 'manual' });
        // The new Request holds its own copy of the headers: setting the credential there leaves `request` untouched.
        if (credential) outgoing.headers.set(credential[0], credential[1]);
        response = await untilAborted(options.fetch(outgoing), signal);
      } else {
        // The platform's fetch builds its own Request from `request` and this init: the credential goes into that
        // one's headers (`request`, which middleware sees, stays untouched), without a Request of ours in between.
        // The clients' requests already say `redirect: 'manual'` (client-assembly.ts); any other is told here.
        const init: RequestInit = { signal };
        if (request.redirect !== 'manual') init.redirect = 'manual';
        if (credential) {
          // A Request no middleware sees (client-assembly.ts) takes the credential itself: no copy of its headers.
          if (facts || options.isPrivate?.(request)) request.headers.set(credential[0], credential[1]);
          else {
            const headers = new Headers(request.headers);
            headers.set(credential[0], credential[1]);
            init.headers = headers;
          }
        }
        // No untilAborted race here: the platform's fetch rejects with the signal's reason once it aborts.
        response = await globalThis.fetch(request, init);
      }
      redirect = redirectOf(response, request);
      if (!redirect) {
        const tooLarge = () =>
          new ResponseTooLargeError(request.method, describeUrl(request.url), response.status, maxBytes);
        if (mayDefer && !options.fetch && isBounded(response, maxBytes)) {
          // The platform's fetch ties the body to `signal` (Fetch standard: an abort errors the body stream with the
          // signal's reason; the read below waits on `signal` too, for a fetch that does not), and the announced length
          // bounds it: the deadline and the size limit hold without a copy. The attempt ends when the body has been read (openapi-fetch's json() or text(), or validation).
          const text = Response.prototype.text;
          holdBody(
            response,
            () => {
              // Nothing of the caller's can read the body before the client (readWhole); should anything have, its
              // text is gone, which is not a broken connection: not sent again, and a clear error.
              if (response.bodyUsed) {
                // Whoever read it may still be reading: its controller does not go back to the pool.
                settle(false);
                return Promise.reject(
                  new NetworkError(request.method, describeUrl(request.url), n, {
                    name: 'TypeError',
                    message: 'the body was already read elsewhere before the client read it',
                  }),
                );
              }
              // untilAborted: a global fetch put in place of the platform's (msw, a wrapper that drops the signal)
              // need not error the body when the attempt aborts, and a body that stalls must still end the call.
              return untilAborted(text.call(response), signal).then(
                (text) => {
                  settle();
                  // A Response built in memory (msw) is not cut at its Content-Length as the HTTP layer cuts one:
                  // counted here, in characters, of which a UTF-8 body has no more than bytes.
                  if (text.length > maxBytes) throw tooLarge();
                  return { response, text };
                },
                (error: unknown) => {
                  settle();
                  const reason = failure(error);
                  if (!(reason instanceof AttemptFailed)) throw reason;
                  const retried = retryBody(response);
                  // Its answer is the held body's `response` (the client's result takes it from there).
                  if (retried) return retried;
                  throw new NetworkError(request.method, describeUrl(request.url), n, reason.failure);
                },
              );
            },
            facts === undefined,
          );
          handedBack = true;
          return response;
        }
        return await readCompletely(response, signal, maxBytes, tooLarge);
      }
      await response.body?.cancel().catch(() => {});
    } catch (error) {
      if (error instanceof ResponseTooLargeError) throw error;
      throw failure(error);
    } finally {
      if (!handedBack) settle();
    }
    throw new RedirectRefusedError(request.method, describeUrl(request.url), redirect.status, redirect.location);
  }

  /**
   * Attempts `first` to the last of the request's attempts; a failed one is retried after its delay. `request` is the
   * caller's, never sent itself when it has a body (see below), so a later attempt can still send that body.
   */
  async function send(
    request: Request,
    header: Credential | undefined,
    first: number,
    facts: CallFacts | undefined,
  ): Promise<Response> {
    const method = request.method.toUpperCase();
    const attempts = retryMethods.has(method) ? retry.attempts : 1;
    for (let n = first; ; n++) {
      const isLast = n >= attempts;
      // A request with a body is sent as a clone, so its body stays unread for the next attempt, for a resend after a
      // 401 (portabl/auth.ts) and for middleware that reads it; one without a body (GET, DELETE) is sent as it is:
      // the attempt's own Request (with the credential and the attempt's signal) is built from it without touching it.
      const outgoing = request.body === null ? request : request.clone();
      // A body handed back unread that breaks off is a failed attempt too: retried from here, after the delay.
      // The layer above may judge the later answer first (portabl/auth.ts: a 401 gets a new token): replacementHook.
      const retryBody = (original: Response): Promise<DeferredBody> | undefined =>
        isLast
          ? undefined
          : clock
              .sleep(backoffDelay(n, retry, random), request.signal)
              .then(() => send(request, header, n + 1, facts))
              .then((next) => replacementHook(original)?.(next) ?? next)
              .then((next) => heldBody(next) ?? bodyText(next).then((text) => ({ response: next, text })));
      let delayMs: number;
      try {
        const mayDefer = !wholeBodies.has(request) && !options.readWhole?.(request);
        const response = await attempt(outgoing, header, n, mayDefer, retryBody, facts);
        if (isLast || !retryStatuses.has(response.status)) return response;
        const decision = decideAfterStatus(response, n, retry, clock.now(), random);
        if (!decision.retry) return response;
        delayMs = decision.delayMs;
      } catch (error) {
        if (!(error instanceof AttemptFailed)) throw error;
        if (isLast) throw new NetworkError(method, describeUrl(request.url), n, error.failure);
        delayMs = backoffDelay(n, retry, random);
      }
      await clock.sleep(delayMs, request.signal);
    }
  }

  return function transport(request: Request, credential?: unknown): Promise<Response> {
    // openapi-fetch passes its own second argument (an init extension) when the transport is its fetch directly.
    const header = Array.isArray(credential) ? (credential as unknown as Credential) : undefined;
    return send(request, header, 1, callFactsOf(request));
  };
}
