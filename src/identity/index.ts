// @kyc-contracts/sdk/identity: the typed Identities API client and what goes with it.
import type { operations } from '../../generated/identity/schema.js';
import { operationErrorGuard } from '../errors.js';

export {
  createIdentityClient,
  IDENTITY_SERVERS,
  type IdentityClient,
  type IdentityClientOptions,
  type IdentityServer,
} from './client.js';
export { anyOf, equals, FilterValueError, like, noneOf, type FilterOperatorValue } from './filters.js';
export type { components, operations, paths } from '../../generated/identity/schema.js';
export * from '../shared-exports.js';

/**
 * `isIdentityApiError(err, 'getIdentity', 404)`: true if `err` is that operation's ApiError with that status,
 * and then `err.body` has the type the spec documents for it.
 */
export const isIdentityApiError = operationErrorGuard<operations>();
export {
  paginate,
  PaginateError,
  type Paginated,
  type PaginatedPath,
  type PaginatedPaths,
  type PaginateInit,
} from './paginate.js';
