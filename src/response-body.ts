// What a response body becomes before openapi-fetch parses it, so that every body ends in the documented result:
// - a success status the spec documents without a body (Portabl's 202 on startSyncSession) gives `data: undefined`,
//   whatever a server framework put in it ("Accepted", text/plain);
// - a success status whose body cannot be read as JSON (empty, truncated, compressed, an HTML page from a proxy,
//   a wrong content type) throws ResponseBodyError naming the operation and the status, instead of openapi-fetch's
//   bare SyntaxError, which named nothing and quoted the body unredacted;
// - an error status keeps its body (parsed JSON, or the text when it is not JSON), with the client's credentials
//   redacted, so the non-thrown `result.error` is as clean as a thrown ApiError.
import type { Middleware } from 'openapi-fetch';
import { ApiError } from './errors.js';
import { noRedaction, type Redactor } from './redaction.js';
import { readBody } from './response-json.js';
import { documentedContent, operationName, type RuntimeSpec } from './runtime-spec.js';
import { allowDeferredBody, readDeferred } from './transport/fetch.js';

// How much of an unreadable body ResponseBodyError keeps (redacted), to show what came back.
const MAX_KEPT_TEXT = 1000;
// Statuses whose responses may not have a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A success answer whose body could not be read as the spec documents it (not JSON, empty, truncated, an HTML
 * page...). An ApiError, so a catch block that handles ApiError handles it: `operation`, `status`, `headers`, and as
 * `body` the start of the raw text (at most 1,000 characters) with credentials redacted; `reason` says what failed.
 * @example catch (err) { if (err instanceof ResponseBodyError) console.error(err.operation, err.status, err.reason) }
 */
export class ResponseBodyError extends ApiError {
  override readonly name: string = 'ResponseBodyError';
  readonly reason: string;
  constructor(init: {
    operation: string;
    status: number;
    headers: Headers;
    text: string;
    reason: string;
    redactor: Redactor;
  }) {
    const kept = init.text.length > MAX_KEPT_TEXT ? `${init.text.slice(0, MAX_KEPT_TEXT)}…` : init.text;
    super({
      status: init.status,
      body: kept,
      operation: init.operation,
      headers: init.headers,
      redactor: init.redactor,
    });
    this.reason = init.reason;
    const excerpt = (this.body as string).slice(0, 200);
    this.message = `${init.operation} answered HTTP ${init.status} with a body that cannot be read: ${init.reason}${excerpt ? ` (it begins: ${JSON.stringify(excerpt)})` : ''}`;
  }
}

/** A Response like `response` with another body (null for none), keeping its status, headers and url. */
function withBody(response: Response, body: string | null): Response {
  const headers = new Headers(response.headers);
  // The body is now held decoded and whole: no transfer or content coding applies to it any more. openapi-fetch
  // reads "Content-Length: 0" as "no body" only without chunked Transfer-Encoding, which a server may have sent.
  headers.delete('transfer-encoding');
  headers.delete('content-encoding');
  if (body === null) headers.set('content-length', '0');
  else headers.delete('content-length');
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers });
  Object.defineProperty(copy, 'url', { value: response.url, enumerable: false });
  return copy;
}

/** An error body with credentials redacted: JSON at the value level (escapes decoded), other text as text. */
export function redactedErrorText(text: string, redactor: Redactor): string {
  if (redactor === noRedaction) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redactor.text(text);
  }
  const redacted = redactor.value(parsed);
  try {
    const again = JSON.stringify(redacted);
    return again === JSON.stringify(parsed) ? text : again;
  } catch {
    // Too deep for JSON.stringify: the text form still redacts every echo, as text.
    return redactor.text(text);
  }
}

/** openapi-fetch middleware; see the top of this file. Registered right after the origin middleware. */
export function responseBodyMiddleware(spec: RuntimeSpec, redactor: Redactor = noRedaction): Middleware {
  return {
    onRequest({ request, options }) {
      // A JSON answer is read once, here: the transport may hand it back unread (see allowDeferredBody).
      if ((options.parseAs ?? 'json') === 'json' && request.method !== 'HEAD') allowDeferredBody(request);
      return undefined;
    },
    onResponse({ request, response, schemaPath, options }) {
      return settle(response);
      // The answer `response` ends as: undefined to keep it, or the Response to return in its place.
      async function settle(response: Response): Promise<Response | undefined> {
        if (NULL_BODY_STATUSES.has(response.status) || request.method === 'HEAD') return undefined;
        const documented = documentedContent(spec, request.method, schemaPath, response.status);
        const documentsBody = documented ? Object.keys(documented).length > 0 : undefined;
        if (response.ok && documentsBody === false) {
          // An unread answer of the transport is still read to its end (which ends its attempt), then dropped.
          readDeferred(response)?.catch(() => {});
          return withBody(response, null);
        }
        // The caller asked for text, a blob or a stream: they read it themselves.
        if (response.ok && (options?.parseAs ?? 'json') !== 'json') return undefined;
        const { text, json, response: answer } = await readBody(response);
        // The body broke off and a later attempt answered: that answer is the call's, judged by the same rules.
        if (answer !== response) return (await settle(answer)) ?? answer;
        if (!response.ok) {
          const redacted = redactedErrorText(text, redactor);
          return redacted === text ? undefined : withBody(response, redacted);
        }
        if (json) return undefined;
        const fail = (reason: string): never => {
          throw new ResponseBodyError({
            operation: operationName(spec, request.method, schemaPath),
            status: response.status,
            headers: response.headers,
            text,
            reason,
            redactor,
          });
        };
        const contentType = response.headers.get('content-type') ?? 'no content-type';
        if (text === '') {
          if (documentsBody) fail(`the body is empty, but the spec documents one (${contentType})`);
          return withBody(response, null);
        }
        return fail(
          `the body is not JSON (${contentType}${response.headers.get('content-encoding') ? `, content-encoding ${response.headers.get('content-encoding')}` : ''})`,
        );
      }
    },
  };
}
