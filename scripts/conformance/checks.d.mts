// Types of checks.mjs for the TypeScript tests.
export const CHECK_NAMES: readonly string[];
export const NOT_APPLICABLE: unique symbol;
