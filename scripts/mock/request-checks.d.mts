// Types of scripts/mock/request-checks.mjs for the TypeScript tests (only what they use).

/** Whether a browser page from `origin` may call the mock: loopback origins and the ones given. */
export function originAllowed(origin: string, allowed?: string[]): boolean;
