// @kyc-contracts/sdk/portabl: the typed Portabl Core API client and what goes with it.
import type { operations } from '../../generated/portabl/schema.js';
import { operationErrorGuard } from '../errors.js';

export type { components, operations, paths } from '../../generated/portabl/schema.js';
export * from '../shared-exports.js';
export { type PortablScopes, TokenRequestError, TokenResponseError } from './auth.js';
export {
  createPortablClient,
  PORTABL_SERVERS,
  type PortablClient,
  type PortablClientOptions,
  type PortablServer,
} from './client.js';
export { decodeInvitation, InvitationError, type InvitationProblem, type OutOfBandInvitation } from './invitation.js';

/**
 * `isPortablApiError(err, 'getUserClaims', 404)`: true if `err` is that operation's ApiError with that status,
 * and then `err.body` has the type the spec documents for it.
 */
export const isPortablApiError = operationErrorGuard<operations>();
