// Types for baseline.mjs.
export declare function baselineFile(api: string, version: string): string;
export interface Baselines {
  packageVersion: string;
  apis: Record<string, { file: string; doc: { info: { version: string }; [key: string]: unknown } }>;
}
export declare function readBaselines(options?: { root?: string; ref?: string }): Baselines;
