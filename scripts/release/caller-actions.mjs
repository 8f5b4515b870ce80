// What a caller must change for each kind of breaking change: the sentence the changelog prints under a breaking
// entry. Keyed by the rule that rated the change (Redocly's diff-recommended rule ids, or the gate's own).

import { unescapePointerSegment as decode } from '../../src/openapi/document.js';

/** The name of the property, parameter or status a change path ends with. */
const subject = (change) => decode(change.path.split('/').at(-1));
const listFrom = (message) => message.match(/'[^']*'/g)?.join(', ') ?? 'the listed values';

const byRule = {
  'operation-removed': () => 'Stop calling this operation: it no longer exists and answers 404 or 405.',
  'path-removed': () => 'Stop calling the operations of this path: they no longer exist.',
  'operation-id-changed': () =>
    'Regenerate your client: the operation keeps its method and path but its generated name changed.',
  'property-removed': (c, d) =>
    d === 'response'
      ? `Stop reading \`${subject(c)}\` from this response: it is no longer sent.`
      : `Stop sending \`${subject(c)}\` in this request: it is no longer accepted.`,
  'required-properties-added': (c, d, message) =>
    d === 'request'
      ? `Send ${message.match(/`[^`]+`(?!.*`[^`]+` became)/g)?.slice(-1)[0] ?? 'the newly required properties'} in every such request: it is now required.`
      : 'No change needed: the response now always carries these properties.',
  'required-properties-removed': (c, d, message) =>
    d === 'response'
      ? `Handle a response without ${message.match(/`[^`]+`/g)?.slice(-1)[0] ?? 'these properties'}: it is no longer always sent.`
      : 'No change needed: these request properties became optional.',
  'enum-values-removed': (c, d, message) =>
    d === 'request'
      ? `Stop sending ${listFrom(message)} for \`${subject(c)}\`: the value is no longer accepted.`
      : `No longer expect ${listFrom(message)} for \`${subject(c)}\`.`,
  'enum-values-added': (c, d, message) =>
    d === 'response'
      ? `Handle ${listFrom(message)} in \`${subject(c)}\` (a switch over the old values misses it), or treat unknown values as a default.`
      : `You may now send ${listFrom(message)} for \`${subject(c)}\`.`,
  'schema-constraint-changed': (c, d, message) =>
    d === 'request'
      ? `Check that what you send for \`${subject(c)}\` meets the new constraint: ${message}`
      : `Accept values of \`${subject(c)}\` under the new constraint: ${message}`,
  'schema-type-changed': (c, d, message) => `Adapt to the new type: ${message}`,
  'schema-combinator-changed': (c, d, message) => `Adapt to the changed schema composition: ${message}`,
  'response-removed': (c) =>
    `Stop relying on status ${subject(c)} from this operation: it is no longer answered (handle it as an unexpected status).`,
  'response-header-removed': (c) => `Stop reading the response header \`${subject(c)}\`: it is no longer sent.`,
  'media-type-removed': (c, d) =>
    d === 'request'
      ? `Stop sending the media type ${subject(c)}.`
      : `Stop expecting the media type ${subject(c)} in answers.`,
  'parameter-removed': (c) => `Stop sending the parameter \`${subject(c)}\`.`,
  'parameter-became-required': (c) => `Send the parameter \`${subject(c)}\` on every call: it is now required.`,
  'parameter-serialization-changed': (c) =>
    `Serialize the parameter \`${subject(c)}\` as the spec now says (style/explode changed).`,
  'request-body-removed': () => 'Stop sending a request body to this operation.',
  'request-body-became-required': () => 'Send a request body on every call: it is now required.',
  'security-requirement-changed': () =>
    'Authenticate as the operation now requires (scheme or scopes changed): request a token or key with them.',
  'security-scheme-changed': () => 'Authenticate as the changed security scheme now says.',
  'server-removed': () => 'Point your client at one of the remaining servers.',
  'extensible-enum': (c, d, message) => `Stop sending the removed values: ${message}`,
};

/**
 * The sentence that tells a caller what to change for a major change.
 * @param {{direction: string, rule: string, message: string}} rated the gate's rated change
 * @param {{path: string}} change Redocly's change (its path names the property, parameter or status)
 * @returns {string} one sentence; a generic one (quoting the change) for a rule without its own
 * @example actionFor({ direction: 'response', rule: 'property-removed', message: '...' }, { path: '#/.../properties/email' })
 *   // 'Stop reading `email` from this response: it is no longer sent.'
 */
export function actionFor(rated, change) {
  const sentence = byRule[rated.rule];
  return sentence
    ? sentence(change, rated.direction, rated.message)
    : `Update your code for this change: ${rated.message}`;
}
