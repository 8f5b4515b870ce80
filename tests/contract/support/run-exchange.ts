// Sends one planned exchange through a fresh client and checks the answer on the wire against the spec.
import { expect } from 'vitest';
import { validatorFor } from '../../support/bundles.js';
import type { ApiContract, PlannedExchange } from './contract-cases.js';
import type { ExercisedPair } from './recorder.js';
import { documentedResponse, operationOfRequest } from './spec-responses.js';
import type { TargetKind } from './targets.js';
import { recordingFetch } from './wire.js';

/**
 * Checks that the answer is the operation the case names, with the expected status; that its body has the documented
 * media type, validates against the spec's schema for that status (Ajv2020, not Prism) and reaches the caller intact
 * as `data` or `error`; and, against the mock, that it is the example the case names. A default answer that passed is
 * then handed to the case's `remember`, for the cases after it. Returns the pair exercised, for the coverage gate.
 * A case that throws NotApplicable lets it through: the caller reports it.
 */
export async function runExchange<Client, Target extends { kind: TargetKind; baseUrl: string }, Run>(
  contract: ApiContract<Client, Target, Run>,
  target: Target,
  planned: PlannedExchange<Client, Target, Run>,
  run: Run,
): Promise<ExercisedPair> {
  const { api } = contract;
  const { operationId } = planned.operationCase;
  const documented = documentedResponse(api, operationId, planned.status);
  expect(documented, `${operationId} documents no ${planned.status}`).toBeDefined();
  const examples = documented?.body?.examples ?? [];
  const example = examples.find((e) => e.name === planned.example);
  if (planned.example === undefined) {
    expect(
      documented?.body,
      `${operationId} ${planned.status} documents a body: name the example the case expects`,
    ).toBeUndefined();
  } else {
    expect(
      example,
      `${operationId} ${planned.status} documents no example "${planned.example}" (it has: ${examples.map((e) => e.name).join(', ')})`,
    ).toBeDefined();
  }

  // On the sandbox, a status's real cause may send as another tenant, to another server, or an altered request.
  const caused = planned.cause ? await planned.cause.prepare({ target, run }) : {};
  const wire = recordingFetch(caused.send);
  const client = contract.createClient(caused.target ?? target, wire.fetch);
  const result = await planned.operationCase.send(client, planned.prefer ? { Prefer: planned.prefer } : {}, {
    target: caused.target ?? target,
    run,
  });
  const exchange = wire.last();

  expect(
    operationOfRequest(api, exchange.method, exchange.url, (caused.target ?? target).baseUrl)?.operation.operationId,
  ).toBe(operationId);
  expect(result.response.status, exchange.bodyText).toBe(planned.status);
  let body: unknown;
  if (documented?.body) {
    expect(exchange.contentType).toContain(documented.body.mediaType);
    body = JSON.parse(exchange.bodyText);
    expect(validatorFor(api).validate(documented.body.schemaPointer, body)).toEqual([]);
    expect(result.response.ok ? result.data : result.error).toEqual(body);
    // A deployment answers with its own data: only the mock can be held to a named example.
    if (target.kind === 'mock') expect(body).toEqual(example?.value);
  } else {
    expect(exchange.bodyText).toBe('');
  }
  if (planned.prefer === undefined && planned.cause === undefined) planned.operationCase.remember?.(body, run);
  const servedExample = target.kind === 'mock' && planned.example ? { example: planned.example } : {};
  return {
    api,
    operationId,
    status: planned.status,
    ...servedExample,
    ...(target.kind === 'sandbox' ? { on: 'sandbox' as const } : {}),
  };
}
