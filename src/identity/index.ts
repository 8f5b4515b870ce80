// @kyc-contracts/sdk/identity: the typed Identities API client and what goes with it.
import type { operations } from '../../generated/identity/schema.js';
import { operationErrorGuard } from '../errors.js';

export type { components, operations, paths } from '../../generated/identity/schema.js';
export * from '../shared-exports.js';
export {
  createIdentityClient,
  IDENTITY_SERVERS,
  type IdentityClient,
  type IdentityClientOptions,
  type IdentityServer,
} from './client.js';
export { anyOf, equals, type FilterOperatorValue, FilterValueError, like, noneOf } from './filters.js';

/**
 * `isIdentityApiError(err, 'getIdentity', 404)`: true if `err` is that operation's ApiError with that status,
 * and then `err.body` has the type the spec documents for it.
 */
export const isIdentityApiError = operationErrorGuard<operations>();
export {
  type Paginated,
  type PaginatedPath,
  type PaginatedPaths,
  PaginateError,
  type PaginateInit,
  paginate,
} from './paginate.js';
