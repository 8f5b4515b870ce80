// Types of coverage.mjs for the TypeScript tests.
export interface Covered {
  declared: string[];
  seen: string[];
}
export interface OperationCoverage {
  operationId: string;
  requests: number;
  statuses: { documented: string[]; seen: string[] };
  parameters: Covered;
  requestProperties: Covered;
  responseProperties: Covered;
}
export function coverageOf(doc: object, baseUrl: string, entries: object[]): { operations: OperationCoverage[]; unmatched: number };
export function formatCoverage(api: string, coverage: { operations: OperationCoverage[]; unmatched: number }): string;
