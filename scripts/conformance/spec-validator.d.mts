// Types of spec-validator.mjs for the TypeScript tests.
export interface ValidationIssue {
  path: string;
  keyword: string;
  message: string;
}
export interface ConformanceValidator {
  validate(pointer: string, value: unknown): ValidationIssue[];
  check(schema: object, value: unknown): ValidationIssue[];
  matches(schema: object, value: unknown): boolean;
}
export function createValidator(document: object, id: string): ConformanceValidator;
