// Helpers for the values of the Identities API's `filter[<field>]` query parameters, where an operator goes
// inside the value as `<operator>:<value>`. They spell the operators, and reject input the operator cannot carry
// (a comma inside a list item cannot be escaped), so a mistake fails here rather than as a 400 from the server.
//   client.GET('/identities', { params: { query: { filter: { email: like('@example.com'), id: anyOf(ids) } } } })

import type { FilterOperatorValue } from '../../generated/identity/schema.js';

export type { FilterOperatorValue };

const OPERATOR_PREFIX = /^(?:in|nin|like):/;

// A string at run time; typed as FilterOperatorValue so that the generated filter types (scripts/generate-types.mjs)
// accept it only on the fields whose spec `pattern` admits the operator.
const withOperator = <Op extends string>(text: string) => text as unknown as FilterOperatorValue<Op>;

export class FilterValueError extends TypeError {
  override readonly name = 'FilterValueError';
}

function checkValue(helper: string, value: unknown, what: string): string {
  if (typeof value !== 'string')
    throw new FilterValueError(`${helper}: ${what} must be a string (got ${value === null ? 'null' : typeof value})`);
  if (value.trim() === '') throw new FilterValueError(`${helper}: ${what} must not be empty or blank`);
  // The API reads a leading "in:", "nin:" or "like:" as an operator, so such a value cannot be matched literally.
  if (OPERATOR_PREFIX.test(value))
    throw new FilterValueError(
      `${helper}: ${what} ${JSON.stringify(value)} must not start with an operator ("in:", "nin:", "like:")`,
    );
  return value;
}

function checkList(helper: string, values: unknown): string {
  if (!Array.isArray(values))
    throw new FilterValueError(
      `${helper}: expected an array of values (got ${values === null ? 'null' : typeof values})`,
    );
  if (values.length === 0)
    throw new FilterValueError(
      `${helper}: the list is empty; a filter on no values matches nothing or everything, so pass at least one`,
    );
  return values
    .map((value: unknown, i) => {
      const item = checkValue(helper, value, `item ${i}`);
      if (item.includes(','))
        throw new FilterValueError(
          `${helper}: item ${i} ${JSON.stringify(item)} contains a comma, which separates list items and cannot be escaped`,
        );
      return item;
    })
    .join(',');
}

/** Equal to `value` (the default operator), checked not to start with an operator. */
export function equals(value: string): string {
  return checkValue('equals', value, 'the value');
}

/**
 * Contains `text`: `like('@example.com')` → the string `like:@example.com`. Compiles only on a field whose spec
 * pattern admits `like:` (`email`). Throws FilterValueError for an empty text or one that starts with an operator.
 * @example identity.GET('/identities', { params: { query: { filter: { email: like('@example.com') } } } })
 */
export function like(text: string): FilterOperatorValue<'like'> {
  return withOperator(`like:${checkValue('like', text, 'the text')}`);
}

/**
 * Any of `values`: `anyOf(['a', 'b'])` → the string `in:a,b`. Compiles only on fields whose pattern admits `in:`
 * (`id`, `identityOwner`, `riskRating`). Throws FilterValueError for an empty list or an item with a comma.
 * @example identity.GET('/identities', { params: { query: { filter: { id: anyOf(ids) } } } })
 */
export function anyOf(values: readonly string[]): FilterOperatorValue<'in'> {
  return withOperator(`in:${checkList('anyOf', values)}`);
}

/**
 * None of `values`: `noneOf(['a', 'b'])` → the string `nin:a,b`. Compiles only on fields whose pattern admits
 * `nin:` (`riskRating`). Throws FilterValueError for an empty list or an item with a comma.
 * @example identity.GET('/identities', { params: { query: { filter: { riskRating: noneOf(['high']) } } } })
 */
export function noneOf(values: readonly string[]): FilterOperatorValue<'nin'> {
  return withOperator(`nin:${checkList('noneOf', values)}`);
}
