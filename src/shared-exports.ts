// What both client entry points export besides their own client: errors, unwrap, options and transport types.
export {
  ApiError,
  type ApiErrorWithStatus,
  apiErrorOf,
  type DataOf,
  type ErrorBodyOf,
  type ErrorStatusOf,
  type FetchResult,
  isApiError,
  type OperationErrorGuard,
  type OperationOf,
  unwrap,
} from './errors.js';
export { ClientOptionsError, type CommonClientOptions, DEFAULT_TIMEOUT_MS, type RetrySetting } from './options.js';
export { PathParameterError } from './path-parameters.js';
export { MIN_SECRET_LENGTH } from './redaction.js';
export { ResponseBodyError } from './response-body.js';
export type { SchemaIssue } from './schema-issues.js';
export { type Clock, systemClock } from './transport/clock.js';
export {
  NetworkError,
  type NetworkFailure,
  RedirectRefusedError,
  RequestTimeoutError,
  ResponseTooLargeError,
} from './transport/errors.js';
export type { FetchFunction } from './transport/fetch.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './transport/fetch.js';
export { DEFAULT_RETRY, type RetryOptions } from './transport/retry-policy.js';
export { RequestValidationError, ResponseValidationError } from './validation-errors.js';
