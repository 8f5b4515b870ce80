// Types for deprecations.mjs.
export declare function isDate(value: unknown): boolean;
export declare function deprecationsWithoutSunset(doc: object): string[];
