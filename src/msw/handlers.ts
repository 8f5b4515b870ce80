// MSW request handlers built from an operation table (spec-answers.ts): one per operation, answering its examples.
import { type HttpHandler, HttpResponse, http } from 'msw';
import {
  type AnswerWish,
  chooseAnswer,
  MockAnswerError,
  type MockOperation,
  missingCredential,
  parsePrefer,
} from './spec-answers.js';

/** What one handler answers: a documented status and/or example, or a body of your own for a documented status. */
export interface HandlerAnswer extends AnswerWish {
  body?: unknown;
}

export interface BuildOptions {
  baseUrl?: string | undefined;
  checkCredentials?: boolean | undefined;
}

const METHODS = {
  get: http.get,
  put: http.put,
  post: http.post,
  patch: http.patch,
  delete: http.delete,
  head: http.head,
  options: http.options,
} as const;

/** `/identities/{id}` under `https://host/base` → `https://host/base/identities/:id` (MSW's path syntax). */
export function handlerUrl(operation: MockOperation, baseUrl: string | undefined): string {
  const base = (baseUrl ?? operation.serverUrl ?? '').replace(/\/+$/, '');
  return base + operation.path.replace(/\{([^}]+)\}/g, ':$1');
}

function answerWith(
  status: number,
  body: unknown,
  mediaType: string | undefined,
  headers: Record<string, string>,
): Response {
  if (body === undefined) return new HttpResponse(null, { status, headers });
  return HttpResponse.json(body as never, {
    status,
    headers: { ...headers, 'content-type': mediaType ?? 'application/json' },
  });
}

/** The mock's way of saying a request asked for an answer the spec does not document: a problem, never a crash. */
const problem = (detail: string) =>
  HttpResponse.json(
    { title: '@kyc-contracts/sdk/msw: no such documented answer', detail },
    { status: 500, headers: { 'content-type': 'application/problem+json' } },
  );

/**
 * One handler for `operation`. `answer` is checked now, so a typo fails where the handler is made; a `Prefer`
 * header of a request replaces it for that request, as with the mock.
 */
export function operationHandler(
  operation: MockOperation,
  answer: HandlerAnswer = {},
  options: BuildOptions = {},
): HttpHandler {
  const method = METHODS[operation.method as keyof typeof METHODS];
  if (!method) throw new MockAnswerError(`${operation.operationId}: method ${operation.method} has no MSW handler`);
  const chosen = chooseAnswer(operation, {
    status: answer.status,
    example: answer.body === undefined ? answer.example : undefined,
  });
  const checkCredentials = options.checkCredentials ?? true;

  return method(handlerUrl(operation, options.baseUrl), async ({ request }) => {
    if (checkCredentials && missingCredential(operation, request)) {
      const unauthorized = operation.responses.find((r) => r.status === 401);
      const example = unauthorized?.examples[0]?.value ?? { code: 'unauthorized', message: 'no credential was sent' };
      return answerWith(401, example, unauthorized?.mediaType, unauthorized?.headers ?? {});
    }
    const prefer = parsePrefer(request.headers.get('prefer'));
    if (!prefer && answer.body !== undefined)
      return answerWith(chosen.response.status, answer.body, chosen.response.mediaType, chosen.response.headers);
    let requestBody: unknown;
    if (operation.discriminator !== undefined)
      requestBody = await request
        .clone()
        .json()
        .catch(() => undefined);
    try {
      const { response, example } =
        prefer || requestBody !== undefined ? chooseAnswer(operation, prefer ?? answer, requestBody) : chosen;
      return answerWith(response.status, example?.value, response.mediaType, response.headers);
    } catch (error) {
      if (error instanceof MockAnswerError) return problem(error.message);
      throw error;
    }
  });
}
