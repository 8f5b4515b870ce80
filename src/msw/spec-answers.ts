// What a mock handler answers, read from a bundled spec: every operation with its documented responses and their
// examples, and the choice among them by the mock's rules (scripts/mock/prism.mjs serves the same examples):
// without a wish, the lowest 2xx with its first example; a status, a named example, or both, asked per handler or
// per request with `Prefer: code=404, example=name`. One addition: when the request body has a discriminator
// (`type` of an identity), the default is the first example whose value carries the same discriminator value.
import { operationsOf, resolveRef } from '../openapi/document.js';
import type { SpecDocument } from '../spec-document.js';

export interface MockExample {
  name: string;
  value: unknown;
}

export interface MockResponse {
  status: number;
  /** The JSON media type's examples in document order; empty when the response has no body. */
  examples: MockExample[];
  mediaType: string | undefined;
  /** Response headers that document an example (e.g. `Retry-After: 30`). */
  headers: Record<string, string>;
}

/** One way to satisfy the security of an operation; every credential of it must be present. */
export type Credential = { kind: 'bearer' } | { kind: 'header'; name: string } | { kind: 'query'; name: string };

export interface MockOperation {
  operationId: string;
  method: string;
  /** The path template, `/identities/{id}`. */
  path: string;
  /** The operation's (or its path item's) own first server, else the document's first. */
  serverUrl: string | undefined;
  /** Alternatives (OpenAPI security requirements); empty when the operation needs no credential. */
  security: Credential[][];
  /** Documented statuses in ascending order (a `default` or `4XX` range is not a status a handler can answer). */
  responses: MockResponse[];
  /** The request body's `discriminator.propertyName`, if its schema has one. */
  discriminator: string | undefined;
}

/** A wish for one answer: a status, an example name, or both. */
export interface AnswerWish {
  status?: number | undefined;
  example?: string | undefined;
}

/** A status or example the operation does not document: names both, and what it does document. */
export class MockAnswerError extends Error {
  override readonly name = 'MockAnswerError';
}

const asRecord = (value: unknown): Record<string, any> =>
  value && typeof value === 'object' ? (value as Record<string, any>) : {};
const resolve = (spec: SpecDocument, value: unknown) => asRecord(resolveRef(spec, value));

function credentialsOf(spec: SpecDocument, requirements: unknown): Credential[][] {
  const schemes = asRecord(asRecord(spec.components)['securitySchemes']);
  return (Array.isArray(requirements) ? requirements : []).map((requirement) =>
    Object.keys(asRecord(requirement)).map((name): Credential => {
      const scheme = resolve(spec, schemes[name]);
      if (scheme['type'] === 'http' && String(scheme['scheme']).toLowerCase() === 'bearer') return { kind: 'bearer' };
      if (scheme['type'] === 'apiKey' && (scheme['in'] === 'header' || scheme['in'] === 'query'))
        return { kind: scheme['in'], name: scheme['name'] };
      throw new Error(
        `@kyc-contracts/sdk/msw: security scheme ${name} (${scheme['type']}) is not one the handlers can check`,
      );
    }),
  );
}

function headerExamples(spec: SpecDocument, headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(asRecord(headers))) {
    const header = resolve(spec, raw);
    const example = header['example'] ?? asRecord(header['schema'])['example'];
    if (example !== undefined) out[name] = String(example);
  }
  return out;
}

function responseOf(spec: SpecDocument, status: number, raw: unknown): MockResponse {
  const response = resolve(spec, raw);
  const content = asRecord(response['content']);
  const mediaType = Object.keys(content).find((type) => /json/i.test(type)) ?? Object.keys(content)[0];
  const media = asRecord(mediaType === undefined ? undefined : content[mediaType]);
  const examples = Object.entries(asRecord(media['examples'])).map(([name, example]) => ({
    name,
    value: resolve(spec, example)['value'],
  }));
  if (examples.length === 0 && 'example' in media) examples.push({ name: 'example', value: media['example'] });
  return { status, examples, mediaType, headers: headerExamples(spec, response['headers']) };
}

/** Every operation of a bundled spec, in document order, with what a handler needs to answer it. */
export function mockOperations(spec: SpecDocument): MockOperation[] {
  const servers = (list: unknown) => (Array.isArray(list) ? (list[0] as { url?: string } | undefined)?.url : undefined);
  const operations: MockOperation[] = [];
  for (const { method, path, operation, pathItem: item } of operationsOf(spec)) {
    const responses = Object.entries(asRecord(operation['responses']))
      .filter(([status]) => /^[1-5][0-9][0-9]$/.test(status))
      .map(([status, raw]) => responseOf(spec, Number(status), raw))
      .sort((a, b) => a.status - b.status);
    const body = resolve(spec, operation['requestBody']);
    const bodySchema = resolve(spec, asRecord(Object.values(asRecord(body['content']))[0])['schema']);
    operations.push({
      operationId: operation['operationId'] ?? `${method.toUpperCase()} ${path}`,
      method,
      path,
      serverUrl:
        servers(operation['servers']) ?? servers(item['servers']) ?? servers((spec as { servers?: unknown }).servers),
      security: credentialsOf(spec, operation['security'] ?? (spec as { security?: unknown }).security),
      responses,
      discriminator: asRecord(bodySchema['discriminator'])['propertyName'],
    });
  }
  return operations;
}

/** Reads `Prefer: code=404, example=name` (RFC 7240 preferences, as Prism reads them); other preferences are ignored. */
export function parsePrefer(header: string | null): AnswerWish | undefined {
  if (!header) return undefined;
  const wish: AnswerWish = {};
  for (const part of header.split(/[,;]/)) {
    const [key, ...rest] = part.split('=');
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (key?.trim().toLowerCase() === 'code') wish.status = Number(value);
    if (key?.trim().toLowerCase() === 'example') wish.example = value;
  }
  return wish.status === undefined && wish.example === undefined ? undefined : wish;
}

const statuses = (operation: MockOperation) => operation.responses.map((r) => r.status).join(', ');
const names = (response: MockResponse) => response.examples.map((e) => e.name).join(', ') || 'none';

/** True if `value` (or its `data` envelope) has `property` equal to `expected`. */
function carries(value: unknown, property: string, expected: unknown): boolean {
  const record = asRecord(value);
  return record[property] === expected || asRecord(record['data'])[property] === expected;
}

export interface ChosenAnswer {
  response: MockResponse;
  example: MockExample | undefined;
}

/**
 * The documented answer the wish names, by the mock's rules (see the top of this file). `requestBody` is the
 * parsed JSON body, read only for the discriminator rule. Throws MockAnswerError for a status or example the
 * operation does not document.
 */
export function chooseAnswer(operation: MockOperation, wish: AnswerWish = {}, requestBody?: unknown): ChosenAnswer {
  const where = `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`;
  let response: MockResponse | undefined;
  if (wish.status !== undefined) {
    response = operation.responses.find((r) => r.status === wish.status);
    if (!response)
      throw new MockAnswerError(`${where} documents no ${wish.status} answer; documented: ${statuses(operation)}`);
  } else {
    const successes = operation.responses.filter((r) => r.status >= 200 && r.status < 300);
    response =
      wish.example === undefined
        ? successes[0]
        : successes.find((r) => r.examples.some((e) => e.name === wish.example));
    if (!response) {
      const known =
        successes.map((r) => `${r.status}: ${names(r)}`).join('; ') || `no 2xx; documented: ${statuses(operation)}`;
      throw new MockAnswerError(
        wish.example === undefined
          ? `${where} documents no 2xx answer; ask for a status (documented: ${statuses(operation)})`
          : `${where} has no 2xx example named "${wish.example}"; examples: ${known}`,
      );
    }
  }
  if (wish.example !== undefined) {
    const example = response.examples.find((e) => e.name === wish.example);
    if (!example)
      throw new MockAnswerError(
        `${where} has no ${response.status} example named "${wish.example}"; examples: ${names(response)}`,
      );
    return { response, example };
  }
  const property = operation.discriminator;
  if (property !== undefined && response.status < 300) {
    const sent = asRecord(requestBody)[property];
    const matching = sent === undefined ? undefined : response.examples.find((e) => carries(e.value, property, sent));
    if (matching) return { response, example: matching };
  }
  return { response, example: response.examples[0] };
}

/** A credential the request lacks for every alternative of the operation's security; undefined when it may pass. */
export function missingCredential(operation: MockOperation, request: Request): Credential | undefined {
  if (operation.security.length === 0 || operation.security.some((alternative) => alternative.length === 0))
    return undefined;
  const has = (credential: Credential) => {
    if (credential.kind === 'bearer') return /^Bearer\s+\S/i.test(request.headers.get('authorization') ?? '');
    if (credential.kind === 'header') return Boolean(request.headers.get(credential.name));
    return new URL(request.url).searchParams.has(credential.name);
  };
  const unmet = operation.security.map((alternative) => alternative.find((credential) => !has(credential)));
  return unmet.every((credential) => credential !== undefined) ? unmet[0] : undefined;
}
