// Errors for answers the API gave but the caller did not want (4xx, 5xx), typed by the operation's documented
// error responses, and `unwrap` to get data-or-throw on top of openapi-fetch's {data, error, response}.
import type { FetchResponse } from 'openapi-fetch';
import { noRedaction, type Redactor } from './redaction.js';
import { originOf } from './response-origin.js';
import { describeUrl } from './transport/errors.js';

type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;
type IsUnknown<T> = unknown extends T ? true : false;

/** The 4xx and 5xx statuses an operation documents; `number` when the operation is not known. */
export type ErrorStatusOf<Op> =
  IsUnknown<Op> extends true
    ? number
    : {
        [K in keyof ResponsesOf<Op>]: K extends number
          ? `${K}` extends `4${string}` | `5${string}`
            ? K
            : never
          : never;
      }[keyof ResponsesOf<Op>];

type JsonBodyOf<Response> = Response extends { content: infer C }
  ? C extends { 'application/json': infer J }
    ? J
    : C[keyof C]
  : undefined;

/** The documented body of the error statuses `S` of an operation (by default all of them). */
export type ErrorBodyOf<Op, S = ErrorStatusOf<Op>> =
  IsUnknown<Op> extends true ? unknown : S extends keyof ResponsesOf<Op> ? JsonBodyOf<ResponsesOf<Op>[S]> : never;

/** The operation object an openapi-fetch result was typed from; `unknown` if the type lost that link. */
// The tuple stops distribution over the result's union, so TypeScript infers from FetchResponse's type arguments.
export type OperationOf<Result> = [Result] extends [FetchResponse<infer Op, any, any>] ? Op : unknown;

/** An ApiError whose status is known to be `S`, so its body is that status's documented body. */
export type ApiErrorWithStatus<Op, S extends number> = ApiError<Op> & {
  readonly status: S;
  readonly body: ErrorBodyOf<Op, S>;
};

// A server's message is quoted in ours; bound it so that an HTML error page does not become the message.
const MAX_QUOTED_MESSAGE = 300;

/**
 * How deep an error body is kept. Documented error bodies are two levels deep; a body nested deeper than this (a
 * misbehaving server, a fuzzer) keeps its first levels, and each deeper container becomes the text
 * "[nested too deep]", so that logging the error (JSON.stringify recurses) cannot overflow the stack.
 */
export const MAX_ERROR_BODY_DEPTH = 64;
const TOO_DEEP = '[nested too deep]';

/** A copy of a JSON value with containers deeper than `maxDepth` replaced by a marker. Iterative. */
export function capDepth(value: unknown, maxDepth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  const root: Record<number, unknown> = {};
  const stack: { source: unknown; target: Record<string | number, unknown>; key: string | number; depth: number }[] = [
    { source: value, target: root, key: 0, depth: 1 },
  ];
  while (stack.length) {
    const { source, target, key, depth } = stack.pop()!;
    if (source === null || typeof source !== 'object') target[key] = source;
    else if (depth > maxDepth) target[key] = TOO_DEEP;
    else if (Array.isArray(source)) {
      const items: unknown[] = new Array(source.length);
      source.forEach((item, i) => {
        stack.push({ source: item, target: items as unknown as Record<number, unknown>, key: i, depth: depth + 1 });
      });
      target[key] = items;
    } else {
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(source)) stack.push({ source: v, target: fields, key: k, depth: depth + 1 });
      target[key] = fields;
    }
  }
  return root[0];
}

export interface ApiErrorInit {
  status: number;
  /** The parsed error body as openapi-fetch returned it (JSON, text, or undefined). */
  body: unknown;
  operation: string;
  headers: Headers;
  redactor?: Redactor;
}

/**
 * The API answered with an error status. `status`, `code` (the `Error` schema's machine-readable code),
 * `body` (parsed JSON or text), `operation` (operationId or "METHOD /path"). Credentials the client holds are
 * replaced by [REDACTED] in the message and body, in case the server echoed them.
 */
export class ApiError<Op = unknown> extends Error {
  override readonly name: string = 'ApiError';
  readonly status: number;
  readonly code: string | undefined;
  readonly body: ErrorBodyOf<Op>;
  readonly operation: string;
  /**
   * The response headers (e.g. a request id for support), redacted like the body. The error keeps no Response
   * or Request object: either could hold what a server echoed, or the credentials sent.
   */
  readonly headers: Headers;

  constructor(init: ApiErrorInit) {
    const redactor = init.redactor ?? noRedaction;
    const body = capDepth(redactor.value(init.body), MAX_ERROR_BODY_DEPTH);
    const fields = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown };
    const code = typeof fields.code === 'string' ? fields.code : undefined;
    const quoted = typeof fields.message === 'string' ? fields.message : typeof body === 'string' ? body : '';
    const detail = quoted.length > MAX_QUOTED_MESSAGE ? `${quoted.slice(0, MAX_QUOTED_MESSAGE)}…` : quoted;
    super(`${init.operation} failed with HTTP ${init.status}${code ? ` (${code})` : ''}${detail ? `: ${detail}` : ''}`);
    this.status = init.status;
    this.code = code;
    this.body = body as ErrorBodyOf<Op>;
    this.operation = init.operation;
    this.headers = new Headers();
    init.headers.forEach((value, name) => {
      this.headers.append(name, redactor.text(value));
    });
  }

  /** True if the status is `status`; narrows `body` to what the operation documents for it. */
  is<S extends ErrorStatusOf<Op>>(status: S): this is ApiErrorWithStatus<Op, S> {
    return this.status === status;
  }
}

/** Any openapi-fetch result. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success data of a result: what `unwrap` returns. */
export type DataOf<Result> = Result extends { error?: never; data?: infer D } ? D : never;

/** The ApiError a failed result turns into, or undefined if the result succeeded. */
export function apiErrorOf<Result extends FetchResult>(result: Result): ApiError<OperationOf<Result>> | undefined {
  const { response } = result;
  // openapi-fetch leaves `error` undefined for an error answer without a body, so the status decides.
  if (response.ok) return undefined;
  const origin = originOf(response);
  return new ApiError<OperationOf<Result>>({
    status: response.status,
    body: result.error,
    operation: origin?.operation ?? `request to ${describeUrl(response.url)}`,
    headers: response.headers,
    ...(origin ? { redactor: origin.redactor } : {}),
  });
}

/**
 * The data of a successful result, or throws ApiError for an error answer:
 * `const claims = unwrap(await portabl.GET('/provider/users/{userId}/claims', {params}))`.
 */
export function unwrap<Result extends FetchResult>(result: Result): DataOf<Result> {
  const error = apiErrorOf(result);
  if (error) throw error;
  return result.data as DataOf<Result>;
}

/**
 * Type guard for catch blocks. With a status, narrows `status`; given an ApiError typed by its operation
 * (from apiErrorOf), also narrows `body` to that status's documented body.
 */
export function isApiError<Op, S extends ErrorStatusOf<Op>>(
  value: ApiError<Op>,
  status: S,
): value is ApiErrorWithStatus<Op, S>;
export function isApiError<S extends number>(value: unknown, status: S): value is ApiError & { readonly status: S };
export function isApiError(value: unknown): value is ApiError;
export function isApiError(value: unknown, status?: number): boolean {
  return value instanceof ApiError && (status === undefined || value.status === status);
}

/** A guard that also checks the operation, so a catch block gets the operation's error types. */
export interface OperationErrorGuard<Operations> {
  <Id extends keyof Operations & string, S extends ErrorStatusOf<Operations[Id]>>(
    value: unknown,
    operationId: Id,
    status: S,
  ): value is ApiErrorWithStatus<Operations[Id], S>;
  <Id extends keyof Operations & string>(value: unknown, operationId: Id): value is ApiError<Operations[Id]>;
}

/** Builds the guard for one API's `operations` (see isPortablApiError, isIdentityApiError). */
export function operationErrorGuard<Operations>(): OperationErrorGuard<Operations> {
  return ((value: unknown, operationId: string, status?: number) =>
    value instanceof ApiError &&
    value.operation === operationId &&
    (status === undefined || value.status === status)) as OperationErrorGuard<Operations>;
}
