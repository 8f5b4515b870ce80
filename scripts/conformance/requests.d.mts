// Types of requests.mjs for the TypeScript tests.
import type { Arbitrary } from 'fast-check';
import type { ConformanceValidator } from './spec-validator.mjs';
import type { OperationModel } from './operations.mjs';

export interface ConformanceRequest {
  operationId: string;
  method: string;
  path: string;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
  credential: 'valid' | 'missing' | 'wrong';
  broken?: { rule: string; where: string };
}
export function requestIssues(model: OperationModel, validator: ConformanceValidator, request: ConformanceRequest): string[];
export function validRequestArbitrary(doc: object, model: OperationModel, validator: ConformanceValidator, options: { now: number }): Arbitrary<ConformanceRequest>;
export function negativeCandidates(doc: object, model: OperationModel, validator: ConformanceValidator, request: ConformanceRequest): ConformanceRequest[];
export function negativeRequestArbitrary(doc: object, model: OperationModel, validator: ConformanceValidator, options: { now: number }): Arbitrary<ConformanceRequest>;
export function unauthenticatedRequestArbitrary(
  doc: object,
  model: OperationModel,
  validator: ConformanceValidator,
  options: { now: number },
  behaviour: { wrongCredentials: boolean },
): Arbitrary<ConformanceRequest>;
export function canBreak(model: OperationModel): boolean;
