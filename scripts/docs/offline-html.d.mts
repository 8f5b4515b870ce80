// Types for scripts/docs/offline-html.mjs, so that TypeScript callers (tests) get them checked.
/** The CDN logo URLs Redoc's sidebar footer loads, each with the inline data: URL that replaces it. */
export declare const CDN_LOGOS: Readonly<Record<string, string>>;
export declare function inlineCdnLogos(html: string, page: string): string;
export declare function externalReferencesIn(html: string): string[];
