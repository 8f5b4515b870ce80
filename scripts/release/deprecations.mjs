// Every deprecated element of a document must say when it goes: the gate refuses its removal before `x-sunset`, so
// a deprecation without a valid date could never be removed safely.
import { childPointer } from '../../src/openapi/document.js';

/** Whether a value is a calendar date written YYYY-MM-DD (the form of `x-sunset`). */
export const isDate = (value) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/**
 * JSON pointers of the `deprecated: true` nodes (operations, parameters, schemas, properties) whose `x-sunset` is
 * missing or not a date YYYY-MM-DD.
 * @param {object} doc an OpenAPI document (bundled or not)
 * @returns {string[]} e.g. `['#/paths/~1old/get']`; empty when every deprecation is dated
 * @example deprecationsWithoutSunset({ paths: { '/old': { get: { deprecated: true } } } }) // ['#/paths/~1old/get']
 */
export function deprecationsWithoutSunset(doc) {
  const found = [];
  const visit = (node, pointer) => {
    if (!node || typeof node !== 'object') return;
    if (node.deprecated === true && !isDate(node['x-sunset'])) found.push(pointer);
    for (const [key, value] of Object.entries(node)) visit(value, childPointer(pointer, key));
  };
  visit(doc, '#');
  return found;
}
