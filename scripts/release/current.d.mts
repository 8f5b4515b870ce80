// Types for current.mjs.
export declare function currentBundles(options?: { root?: string; bundleDir?: string }): Record<string, { info: { version: string }; [key: string]: unknown }>;
export declare function packageVersion(root?: string): string;
