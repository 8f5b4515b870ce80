// Types for scripts/serve-docs.mjs, so that TypeScript callers (tests) get them checked.
export declare const DEFAULT_DOCS_ROOT: string;
/** generated/: where /specs/<api>.{yaml,json} are read from. */
export declare const DEFAULT_BUNDLES_DIR: string;
export declare const CONTENT_TYPES: Readonly<Record<string, string>>;

export interface DocsServer {
  /** `http://host:port/`, with the port actually bound (useful with port 0). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export declare function serveDocs(options?: { port?: number; host?: string; root?: string; bundlesDir?: string }): Promise<DocsServer>;
