// @kyc-contracts/sdk/msw: Mock Service Worker handlers for every operation of both APIs, answering the spec's examples,
// so unit tests (vitest, jest, a browser) run the real clients without a server. msw 2.x is an optional peer.
// The operations and examples are read from the bundled specs when a handler is first made, never listed by hand.
import type { HttpHandler } from 'msw';
import identityDocument from '../../generated/identity/openapi.json' with { type: 'json' };
import type { operations as IdentityOperations } from '../../generated/identity/schema.js';
import portablDocument from '../../generated/portabl/openapi.json' with { type: 'json' };
import type { operations as PortablOperations } from '../../generated/portabl/schema.js';
import type { SpecDocument } from '../spec-document.js';
import { type BuildOptions, operationHandler } from './handlers.js';
import { type MockOperation, mockOperations } from './spec-answers.js';

export { MockAnswerError } from './spec-answers.js';

type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;
/** The statuses an operation documents, `200 | 400 | 401 | ...`. */
export type DocumentedStatus<Op> = Extract<keyof ResponsesOf<Op>, number>;
/** The JSON body the spec documents for status `S` of an operation (`undefined` for a status without a body). */
export type DocumentedBody<Op, S> = S extends keyof ResponsesOf<Op>
  ? ResponsesOf<Op>[S] extends { content: { 'application/json': infer B } }
    ? B
    : undefined
  : never;

/**
 * What a handler answers. Nothing: the lowest 2xx with its first example (for a create with a discriminator, the
 * first example of the same `type` as the request). `status`: that documented status with its first example.
 * `example`: that named example (of `status`, or of a 2xx). `body`: your own body, typed as the spec documents
 * it for `status`. A `Prefer: code=..., example=...` request header replaces the answer for that request.
 */
export type MockAnswer<Op> =
  | { status?: DocumentedStatus<Op>; example?: string; body?: never }
  | { [S in DocumentedStatus<Op>]: { status: S; body: DocumentedBody<Op, S>; example?: never } }[DocumentedStatus<Op>];

export interface MockHandlerOptions<Ops> {
  /**
   * Where the handlers listen (default: the spec's first server, e.g. `https://api.sandbox.publicmint.io`, so a
   * client made with default options is intercepted; an operation declared on its own server keeps that one).
   */
  baseUrl?: string;
  /** Answers other than the default, by operationId: `{ getIdentity: { status: 404 } }`. */
  answers?: { [K in keyof Ops]?: MockAnswer<Ops[K]> };
  /**
   * Answer the documented 401 when the request lacks the credential the operation requires (a bearer token or
   * the `apikey` header; any value passes, as with the mock). Default true.
   */
  checkCredentials?: boolean;
}

function tableOf(document: unknown): () => Map<string, MockOperation> {
  let table: Map<string, MockOperation> | undefined;
  return () =>
    (table ??= new Map(
      mockOperations(document as SpecDocument).map((operation) => [operation.operationId, operation]),
    ));
}
const identityTable = tableOf(identityDocument);
const portablTable = tableOf(portablDocument);

function handlersFor<Ops>(table: Map<string, MockOperation>, options: MockHandlerOptions<Ops> = {}): HttpHandler[] {
  const answers = (options.answers ?? {}) as Record<string, MockAnswer<unknown> | undefined>;
  for (const name of Object.keys(answers)) {
    if (!table.has(name))
      throw new TypeError(
        `@kyc-contracts/sdk/msw: answers.${name}: no such operation; operations: ${[...table.keys()].join(', ')}`,
      );
  }
  const build: BuildOptions = { baseUrl: options.baseUrl, checkCredentials: options.checkCredentials };
  return [...table.values()].map((operation) =>
    operationHandler(operation, answers[operation.operationId] as never, build),
  );
}

function handlerFor(
  table: Map<string, MockOperation>,
  operationId: string,
  answer: MockAnswer<unknown> | undefined,
  options: Omit<MockHandlerOptions<unknown>, 'answers'>,
) {
  const operation = table.get(operationId);
  if (!operation)
    throw new TypeError(
      `@kyc-contracts/sdk/msw: no operation ${JSON.stringify(operationId)}; operations: ${[...table.keys()].join(', ')}`,
    );
  return operationHandler(operation, answer as never, {
    baseUrl: options.baseUrl,
    checkCredentials: options.checkCredentials,
  });
}

/**
 * A handler for every Identities API operation, answering the spec's examples by the mock's rules.
 * Throws MockAnswerError (or TypeError for an unknown operationId) when an answer names what the spec does not document.
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { identityHandlers } from '@kyc-contracts/sdk/msw';
 * const server = setupServer(...identityHandlers({ answers: { createIdentity: { example: 'company' } } }));
 * server.listen({ onUnhandledRequest: 'error' });
 * ```
 */
export function identityHandlers(options?: MockHandlerOptions<IdentityOperations>): HttpHandler[] {
  return handlersFor(identityTable(), options);
}

/**
 * One Identities API handler, typically for `server.use(...)` in one test.
 * @example `server.use(identityHandler('getIdentity', { status: 404 }))`
 */
export function identityHandler<K extends keyof IdentityOperations & string>(
  operationId: K,
  answer?: MockAnswer<IdentityOperations[K]>,
  options: Omit<MockHandlerOptions<IdentityOperations>, 'answers'> = {},
): HttpHandler {
  return handlerFor(identityTable(), operationId, answer as MockAnswer<unknown>, options);
}

/**
 * A handler for every Portabl Core API operation (the token request included: it answers the `AccessToken`
 * example, so the client authenticates as against the real API).
 * @example `setupServer(...portablHandlers({ answers: { getUserClaims: { status: 404 } } }))`
 */
export function portablHandlers(options?: MockHandlerOptions<PortablOperations>): HttpHandler[] {
  return handlersFor(portablTable(), options);
}

/**
 * One Portabl Core API handler, typically for `server.use(...)` in one test.
 * @example `server.use(portablHandler('getUserSettings', { status: 200, body: { isSyncOn: false } }))`
 */
export function portablHandler<K extends keyof PortablOperations & string>(
  operationId: K,
  answer?: MockAnswer<PortablOperations[K]>,
  options: Omit<MockHandlerOptions<PortablOperations>, 'answers'> = {},
): HttpHandler {
  return handlerFor(portablTable(), operationId, answer as MockAnswer<unknown>, options);
}
