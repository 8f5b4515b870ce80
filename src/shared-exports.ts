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
export { ResponseValidationError } from './validation.js';
export type { SchemaIssue } from './spec-validator.js';
export { ClientOptionsError, DEFAULT_TIMEOUT_MS, type CommonClientOptions, type RetrySetting } from './options.js';
export { NetworkError, RedirectRefusedError, RequestTimeoutError, type NetworkFailure } from './transport/errors.js';
export { DEFAULT_RETRY, type RetryOptions } from './transport/retry-policy.js';
export { systemClock, type Clock } from './transport/clock.js';
export type { FetchFunction } from './transport/fetch.js';
