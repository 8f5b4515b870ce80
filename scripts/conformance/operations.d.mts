// Types of operations.mjs for the TypeScript tests.
export type CredentialKind = { kind: 'bearer' } | { kind: 'apiKey'; in: string; name: string };
export interface OperationModel {
  operationId: string;
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; style?: string; schema: object }[];
  body: { schema: object; required: boolean; mediaType: string } | undefined;
  credential: CredentialKind | undefined;
  responses: Record<string, { content?: Record<string, { schema?: object }>; headers?: Record<string, object> }>;
}
export function operationModels(doc: object): OperationModel[];
export function documentedResponse(model: OperationModel, status: number): OperationModel['responses'][string] | undefined;
