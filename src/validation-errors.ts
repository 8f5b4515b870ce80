// The errors of the clients' opt-in validation (`validateResponses`, `validateRequests`). Apart from validation.ts,
// whose checkResponse (for the sandbox's tests) can load the Ajv compiler: the clients import only these classes.
import type { SchemaIssue } from './schema-issues.js';

/** The counts both validation errors carry: issues found and not listed, array items not examined. */
interface IssueCounts {
  more: number;
  unexamined: number;
}
const countsOf = (counts: Partial<IssueCounts>): IssueCounts => ({
  more: counts.more ?? 0,
  unexamined: counts.unexamined ?? 0,
});

/** The issues as an error message lists them, with the count of those not listed. */
function describeIssues(issues: readonly SchemaIssue[], { more, unexamined }: IssueCounts, whole: string): string {
  const listed = issues.map((i) => `${i.path === '' ? `(${whole})` : i.path} ${i.message}`).join('; ');
  const rest = more > 0 ? `; and ${more} more issue${more === 1 ? '' : 's'}` : '';
  const skipped =
    unexamined > 0
      ? ` (${unexamined} array item${unexamined === 1 ? '' : 's'} past the first of each array not examined for further issues)`
      : '';
  return `${listed}${rest}${skipped}`;
}

/**
 * A response did not match the bundled spec. Names the operation, the status and each failing JSON path; lists at
 * most 20 issues (`issues`), with `more` the count of further issues found and `unexamined` the array items that
 * were not examined once the first issue was known (validation stays linear in the size of the body).
 */
export class ResponseValidationError extends Error {
  override readonly name = 'ResponseValidationError';
  /** Further issues found and not listed in `issues`. */
  readonly more: number;
  /** Array items not examined for further issues (beyond the first 10 of each array). */
  readonly unexamined: number;
  constructor(
    readonly operation: string,
    readonly status: number,
    /** Each mismatch: `path` is a JSON pointer into the body ("" for the body itself). */
    readonly issues: readonly SchemaIssue[],
    counts: Partial<IssueCounts> = {},
  ) {
    const found = countsOf(counts);
    super(
      `${operation} answered HTTP ${status} with a body that does not match the spec: ${describeIssues(issues, found, 'body')}`,
    );
    ({ more: this.more, unexamined: this.unexamined } = found);
  }
}

/**
 * A request broke the bundled spec (`validateRequests: true`), so it was not sent. Each issue's `path` is a JSON
 * pointer into the call's arguments: `/body/address/state`, `/query/page/limit`, `/path/id`; at most 20 are listed,
 * `more` counts the rest.
 * @example catch (err) { if (err instanceof RequestValidationError) console.error(err.issues.map((i) => i.path)) }
 */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  readonly more: number;
  readonly unexamined: number;
  constructor(
    readonly operation: string,
    readonly issues: readonly SchemaIssue[],
    counts: Partial<IssueCounts> = {},
  ) {
    const found = countsOf(counts);
    super(
      `${operation}: the request does not match the spec and was not sent: ${describeIssues(issues, found, 'request')}`,
    );
    ({ more: this.more, unexamined: this.unexamined } = found);
  }
}
