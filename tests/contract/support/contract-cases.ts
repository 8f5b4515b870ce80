// The contract cases: one request per operation, sent through the client once per documented status (and per named
// example), each answer checked on the wire against the spec. Tables per API live in tests/contract/cases/.
import { expect } from 'vitest';
import { validatorFor, type ApiName } from '../../support/bundles.js';
import { recordExercised } from './recorder.js';
import { documentedResponse, documentedResponses, operationOfRequest } from './spec-responses.js';
import type { ContractTargets } from './targets.js';
import { recordingFetch } from './wire.js';

/** What an openapi-fetch call resolves to. */
export interface ClientResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface OperationCase<Client, Target> {
  operationId: string;
  /** The operation's request, through the client; `headers` carries the Prefer header a case adds. */
  send(client: Client, headers: Record<string, string>, target: Target): Promise<ClientResult>;
  /** The statuses it is exercised with: the operation's lowest 2xx is Prism's answer without any Prefer header. */
  statuses: number[];
}

export interface ApiContract<Client, Target> {
  api: ApiName & keyof ContractTargets;
  createClient(target: Target, fetch: (request: Request) => Promise<Response>): Client;
  cases: OperationCase<Client, Target>[];
}

/** One exchange a test sends: a case, a status, maybe a named example, and the Prefer header that asks for them. */
export interface PlannedExchange<Client, Target> {
  title: string;
  operationCase: OperationCase<Client, Target>;
  status: number;
  example?: { name: string; value: unknown };
  /** Undefined for the default answer, which any server gives to the request as it is. */
  prefer?: string;
}

/** Every exchange of an API's table: each status of each case, and each named example of each status. */
export function planExchanges<Client, Target>(contract: ApiContract<Client, Target>): PlannedExchange<Client, Target>[] {
  return contract.cases.flatMap((operationCase) => {
    const successes = documentedResponses(contract.api)
      .filter((r) => r.operationId === operationCase.operationId && r.status < 300)
      .map((r) => r.status);
    const defaultStatus = Math.min(...successes);
    return operationCase.statuses.flatMap((status) => {
      const examples = documentedResponse(contract.api, operationCase.operationId, status)?.body?.examples ?? [];
      const variants = examples.length > 1 ? examples.map((example, index) => ({ example, index })) : [{ example: examples[0], index: 0 }];
      return variants.map(({ example, index }) => {
        const byDefault = status === defaultStatus && index === 0;
        const prefer = byDefault ? undefined : examples.length > 1 ? `code=${status}, example=${example!.name}` : `code=${status}`;
        const exampleLabel = examples.length > 1 ? ` ${example!.name}` : '';
        return {
          title: `${operationCase.operationId} → ${status}${exampleLabel}${prefer ? ` (Prefer: ${prefer})` : ''}`,
          operationCase,
          status,
          ...(example ? { example } : {}),
          ...(prefer ? { prefer } : {}),
        };
      });
    });
  });
}

/**
 * Sends one planned exchange through a fresh client and checks the answer on the wire: it is the operation the case
 * names, with the expected status; its body has the documented media type, validates against the spec's schema for
 * that status (Ajv2020, not Prism), reaches the caller intact as `data` or `error`, and against the mock is the
 * documented example. Then records the pair for the coverage gate.
 */
export async function runExchange<Client, Target extends { kind: 'mock' | 'deployment'; baseUrl: string }>(
  contract: ApiContract<Client, Target>,
  target: Target,
  planned: PlannedExchange<Client, Target>,
): Promise<void> {
  const { api } = contract;
  const { operationId } = planned.operationCase;
  const documented = documentedResponse(api, operationId, planned.status);
  expect(documented, `${operationId} documents no ${planned.status}`).toBeDefined();

  const wire = recordingFetch();
  const client = contract.createClient(target, wire.fetch);
  const result = await planned.operationCase.send(client, planned.prefer ? { Prefer: planned.prefer } : {}, target);
  const exchange = wire.last();

  expect(operationOfRequest(api, exchange.method, exchange.url, target.baseUrl)?.operation.operationId).toBe(operationId);
  expect(result.response.status, exchange.bodyText).toBe(planned.status);
  if (documented?.body) {
    expect(exchange.contentType).toContain(documented.body.mediaType);
    const body: unknown = JSON.parse(exchange.bodyText);
    expect(validatorFor(api).validate(documented.body.schemaPointer, body)).toEqual([]);
    expect(result.response.ok ? result.data : result.error).toEqual(body);
    if (target.kind === 'mock' && planned.example) expect(body).toEqual(planned.example.value);
  } else {
    expect(exchange.bodyText).toBe('');
  }
  // A deployment answers with its own data: only the mock can be said to have served a named example.
  const servedExample = target.kind === 'mock' && planned.example ? { example: planned.example.name } : {};
  recordExercised({ api, operationId, status: planned.status, ...servedExample });
}
