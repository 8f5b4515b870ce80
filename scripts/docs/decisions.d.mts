// Types for scripts/docs/decisions.mjs, so that TypeScript callers (tests) get them checked.
export declare const BEGIN: string;
export declare const END: string;
export declare function decisionsMarkdown(entries: { title: string; doc: Record<string, unknown> }[]): string;
export declare function withDecisions(readme: string, markdown: string): string;
export declare function writeReadmeDecisions(bundleDir?: string): void;
