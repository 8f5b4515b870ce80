// Types of scripts/mock/operation-table.mjs for the TypeScript tests.

export const UNBOUNDED_FALLBACK: { bytes: number; depth: number; values: number };

export interface MockOperation {
  operationId: string;
  method: string;
  path: string;
  segments: string[];
  queryParameters: object[];
  body?: {
    mediaTypes: string[];
    required: boolean;
    schema?: object;
    maxBytes: number;
    maxDepth: number;
    maxValues: number;
    boundsDerived: boolean;
    unboundedBecause?: string;
  };
  credential?: { kind: 'bearer' | 'header'; name: string };
  responses: Map<string, { examples: { key: string; value: unknown }[]; schema?: object; mediaType?: string }>;
}

export function operationTable(doc: object): MockOperation[];
export function documentedStatuses(operation: MockOperation): string;
