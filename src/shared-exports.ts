// What both client entry points export besides their own client: errors, unwrap, options and transport types.
export {
  ApiError,
  apiErrorOf,
  isApiError,
  unwrap,
  type ApiErrorWithStatus,
  type DataOf,
  type ErrorBodyOf,
  type ErrorStatusOf,
  type FetchResult,
  type OperationErrorGuard,
  type OperationOf,
} from './errors.js';
export { RequestValidationError, ResponseValidationError } from './validation.js';
export type { SchemaIssue } from './spec-validator.js';
export { ClientOptionsError, DEFAULT_TIMEOUT_MS, type CommonClientOptions, type RetrySetting } from './options.js';
export {
  NetworkError,
  RedirectRefusedError,
  RequestTimeoutError,
  ResponseTooLargeError,
  type NetworkFailure,
} from './transport/errors.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './transport/fetch.js';
export { PathParameterError } from './path-parameters.js';
export { ResponseBodyError } from './response-body.js';
export { MIN_SECRET_LENGTH } from './redaction.js';
export { DEFAULT_RETRY, type RetryOptions } from './transport/retry-policy.js';
export { systemClock, type Clock } from './transport/clock.js';
export type { FetchFunction } from './transport/fetch.js';
