// Types of runner.mjs for the TypeScript tests.
export interface ApiTarget {
  name: 'portabl' | 'identity';
  doc: Record<string, any>;
  baseUrl: string;
  credential: { header: string; value: string; wrong: string; variable: string } | undefined;
  wrongCredentials: boolean;
  stateful: boolean;
}
export interface Failure {
  check: string;
  api: string;
  operationId: string;
  reason: string;
  /** The shrunk request as a curl command. */
  curl: string;
  status: number;
}
export interface HarEntry {
  _operationId: string;
  _api: string;
  request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { mimeType: string; text: string } };
  response: { status: number; headers: { name: string; value: string }[]; content: { mimeType: string; text: string } };
  [key: string]: unknown;
}
export interface ConformanceResult {
  seed: number;
  checks: Record<string, { requests: number; failed: number }>;
  failures: Failure[];
  exchanges: HarEntry[];
  requests: number;
  interrupted: boolean;
  elapsedMs: number;
}
export function runConformance(options: {
  apis: ApiTarget[];
  seed: number;
  requestsPerOperation?: number;
  timeCapMs?: number;
  now?: number;
  operations?: string[];
  log?: (line: string) => void;
  fetch?: typeof fetch;
}): Promise<ConformanceResult>;
