// What openapi-fetch's result of a call becomes, so that every body ends in the documented result:
// - a success status the spec documents without a body (Portabl's 202 on startSyncSession) gives `data: undefined`,
//   whatever a server framework put in it ("Accepted", text/plain);
// - a success status whose body cannot be read as JSON (empty, truncated, compressed, an HTML page from a proxy,
//   a wrong content type) throws ResponseBodyError naming the operation and the status, instead of openapi-fetch's
//   bare SyntaxError, which named nothing and quoted the body unredacted;
// - an error status keeps its body (parsed JSON, or the text when it is not JSON), with the client's credentials
//   redacted, so the non-thrown `result.error` is as clean as a thrown ApiError.
import { ApiError } from './errors.js';
import { noRedaction, type Redactor } from './redaction.js';
import { type ResponseOrigin, recordOrigin } from './response-origin.js';
import { type RuntimeOperation, responseContent } from './runtime-spec.js';
import { heldParsedBody, type ParsedBody, parseBody } from './transport/deferred-body.js';
import { NULL_BODY_STATUSES } from './transport/fetch.js';

// How much of an unreadable body ResponseBodyError keeps (redacted), to show what came back.
const MAX_KEPT_TEXT = 1000;

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

/** An error body with the client's credentials redacted: strings as text, JSON values at the value level. */
function redactedError(error: unknown, redactor: Redactor): unknown {
  if (redactor === noRedaction || error === undefined) return error;
  return typeof error === 'string' ? redactor.text(error) : redactor.value(error);
}

/** Whether a documented response has a body (a media type); no array of keys is built on the way (every call). */
function hasMediaType(content: Record<string, unknown>): boolean {
  for (const _ in content) return true;
  return false;
}

/** openapi-fetch's result of one call. */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** What settleCall needs to know about the call. */
export interface CallContext {
  /** The operation as the runtime module gives it; undefined for a path the spec does not have. */
  operation: RuntimeOperation | undefined;
  /** How errors name the operation (operationId, or "METHOD /path"). */
  name: string;
  /** Upper case. */
  method: string;
  /**
   * The caller's parseAs (default "json"). For "json" and "text" the client asks openapi-fetch for "stream" and reads
   * the body here, once: the text is then at hand for ResponseBodyError, and a body that broke off and was sent
   * again gives the later answer.
   */
  parseAs: string;
  redactor: Redactor;
  /** Recorded on the Response the call ends with (response-origin.ts, for `unwrap`). */
  origin: ResponseOrigin;
}

/**
 * The result a call ends with, from openapi-fetch's (see the top of this file): throws ResponseBodyError for a success
 * body that cannot be read as documented. When the body of the answer broke off and a later attempt answered
 * (transport/fetch.ts), the result is that answer's.
 */
export async function settleCall(outcome: Promise<CallResult>, call: CallContext): Promise<CallResult> {
  const raw = await outcome;
  // openapi-fetch handed a success body back unread (data: its stream), or none (204, HEAD, Content-Length: 0). The
  // transport holds every body it hands back (shared with validation, which may have parsed it already).
  const readsBody = raw.data !== undefined && raw.response.ok && (call.parseAs === 'json' || call.parseAs === 'text');
  const body = readsBody ? await (heldParsedBody(raw.response) ?? readParsed(raw.response)) : undefined;
  const result = settled(raw, call, body);
  recordOrigin(result.response, call.origin);
  return result;
}

/** A body the transport did not hold (a call's own `fetch` option answered it), read and parsed here. */
async function readParsed(response: Response): Promise<ParsedBody> {
  return parseBody({ response, text: response.body === null ? '' : await response.text() });
}

function settled(result: CallResult, call: CallContext, body: ParsedBody | undefined): CallResult {
  let { response } = result;
  if (NULL_BODY_STATUSES.has(response.status) || call.method === 'HEAD') {
    return response.ok ? { data: undefined, response } : result;
  }
  if (!response.ok) {
    const error = redactedError(result.error, call.redactor);
    return error === result.error ? result : { error, response };
  }
  if (body) {
    response = body.response;
    // The body broke off and a later attempt answered an error: its body is the call's error.
    if (!response.ok) return { error: redactedError(body.json ? body.value : body.text, call.redactor), response };
  }
  const documented = call.operation && responseContent(call.operation, response.status);
  const documentsBody = documented && hasMediaType(documented);
  // A success status the spec documents without a body: whatever a server framework put there is not data.
  if (documentsBody === false) return result.data === undefined ? result : { data: undefined, response };
  // The caller asked for text, a blob or a stream: they read it themselves.
  if (call.parseAs !== 'json') return body ? { data: body.text, response } : result;
  if (body?.json) return { data: body.value, response };
  const contentType = response.headers.get('content-type') ?? 'no content-type';
  if (!body || body.text === '') {
    if (documentsBody)
      throw bodyError(call, response, '', `the body is empty, but the spec documents one (${contentType})`);
    return { data: undefined, response };
  }
  const encoding = response.headers.get('content-encoding');
  throw bodyError(
    call,
    response,
    body.text,
    `the body is not JSON (${contentType}${encoding ? `, content-encoding ${encoding}` : ''})`,
  );
}

function bodyError(call: CallContext, response: Response, text: string, reason: string): ResponseBodyError {
  return new ResponseBodyError({
    operation: call.name,
    status: response.status,
    headers: response.headers,
    text,
    reason,
    redactor: call.redactor,
  });
}
