// Errors the transport raises when no HTTP response arrives. They name the method and the URL without its
// query string (a query can carry personal data, e.g. an e-mail filter) and never hold the Request object,
// whose headers carry credentials.

/** The URL as errors print it: origin and path, no query or fragment. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** A request attempt got no complete response within `timeoutMs`. Not retried: the deadline is the caller's budget. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} ${url} timed out after ${timeoutMs} ms (timeoutMs); no complete response arrived in time`);
  }
}

/**
 * The server answered with a redirect, which the clients never follow: see `refuseRedirects` in fetch.ts.
 * `location` is the target without its query string, or undefined where the runtime hides it (browsers'
 * opaque redirects).
 */
export class RedirectRefusedError extends Error {
  override readonly name = 'RedirectRefusedError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly location: string | undefined,
  ) {
    const target = location === undefined ? 'another URL' : location;
    super(
      `${method} ${url} answered HTTP ${status || 'redirect'} pointing to ${target}; the client follows no redirect, so that ` +
        'its credentials are only ever sent to baseUrl: set baseUrl (or server) to where the API answers',
    );
  }
}

/** What is kept of the underlying failure: plain text, never the original object (it may reference the request). */
export interface NetworkFailure {
  name: string;
  message: string;
  code?: string;
}

/** The request could not be sent or its response could not be read, on every attempt allowed. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly attempts: number,
    override readonly cause: NetworkFailure,
  ) {
    const code = cause.code ? ` (${cause.code})` : '';
    super(`${method} ${url} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${cause.message}${code}`);
  }
}

/** Reduces any thrown value to plain text, passing the message through `redact`. */
export function toNetworkFailure(error: unknown, redact: (text: string) => string): NetworkFailure {
  const e = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  let message = typeof e?.message === 'string' ? e.message : String(error);
  // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND...) in `cause`.
  const causeMessage = typeof e?.cause?.message === 'string' ? e.cause.message : undefined;
  if (causeMessage && causeMessage !== message) message = `${message}: ${causeMessage}`;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  return code === undefined ? { name, message: redact(message) } : { name, message: redact(message), code };
}

/**
 * The response body is larger than `maxResponseBytes` (counted as it arrives, after any decompression fetch does,
 * or announced by Content-Length): reading stopped there and the connection was released. Not retried.
 * @example catch (err) { if (err instanceof ResponseTooLargeError) console.error(`raise maxResponseBytes above ${err.maxResponseBytes}`) }
 */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly maxResponseBytes: number,
  ) {
    super(
      `${method} ${url} answered HTTP ${status} with a body larger than ${maxResponseBytes} bytes (maxResponseBytes); reading stopped there`,
    );
  }
}
