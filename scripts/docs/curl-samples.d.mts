// Types for scripts/docs/curl-samples.mjs, so that TypeScript callers (tests) get them checked.
export declare const CURL_LABEL: string;

type OpenApiDocument = { paths?: Record<string, unknown>; [key: string]: unknown };
export interface OperationEntry {
  method: string;
  path: string;
  operation: Record<string, any>;
  parameters: Record<string, any>[];
}

/** The curl arguments (after `curl`) that call one operation at `baseUrl` with its example values. */
export declare function curlArguments(doc: OpenApiDocument, entry: OperationEntry, baseUrl: string, credentials: { bearer: string; apiKey: string }): string[];
/** The curl sample the docs show. */
export declare function curlSampleFor(doc: OpenApiDocument, entry: OperationEntry): string;
