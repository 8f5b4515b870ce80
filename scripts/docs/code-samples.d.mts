// Types for scripts/docs/code-samples.mjs, so that TypeScript callers (tests) get them checked.
export declare const SAMPLE_LANG: string;
export declare const SAMPLE_LABEL: string;

export interface ClientDescription {
  module: string;
  factory: string;
  variable: string;
  options: Record<string, string>;
  selfAuthenticating?: { method: string; path: string; note: string[] };
}
export declare const CLIENTS: Readonly<Record<string, ClientDescription>>;

export interface CodeSample {
  method: string;
  path: string;
  operationId: string | undefined;
  /** `GET /path (operationId)` */
  label: string;
  /** A complete TypeScript module that calls the operation with the package's client. */
  source: string;
}

/** A loose OpenAPI document: the generator reads it, never writes it. */
type OpenApiDocument = { paths?: Record<string, unknown>; [key: string]: unknown };

export declare function codeSamplesFor(apiName: string, doc: OpenApiDocument): CodeSample[];
export declare function withCodeSamples<T extends OpenApiDocument>(apiName: string, doc: T): T;
