// The checks each answer is judged by, named as Schemathesis names them, so that a failure means the same thing to
// anyone who knows that tool. Each returns undefined (passed), a string (failed: why) or NOT_APPLICABLE.
import { documentedResponse } from './operations.mjs';

export const NOT_APPLICABLE = Symbol('not applicable');

/** The checks of every answer, then those of one kind of request, then the stateful ones (in this order in reports). */
export const CHECK_NAMES = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'ignored_auth',
  'use_after_free',
  'ensure_resource_availability',
];

const mediaTypeOf = (contentType) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** A documented media type matches exactly, by wildcard (`application/*`), or by structured suffix (`+json`). */
function mediaTypeMatches(documented, actual) {
  if (documented === actual || documented === '*/*') return true;
  const [type, subtype] = documented.split('/');
  return subtype === '*' && actual.startsWith(`${type}/`);
}

/**
 * The checks that apply to any answer (Schemathesis' defaults).
 * @param {{model: object, validator: object}} context
 * @param {{status: number, headers: Headers, text: string}} answer
 * @returns {Record<string, string | undefined | typeof NOT_APPLICABLE>}
 */
export function responseChecks({ model, validator }, answer) {
  const documented = documentedResponse(model, answer.status);
  const actualType = mediaTypeOf(answer.headers.get('content-type'));
  /** @type {Record<string, string | undefined | typeof NOT_APPLICABLE>} */
  const results = {};
  results.not_a_server_error = answer.status >= 500 ? `answered ${answer.status}` : undefined;
  results.status_code_conformance = documented
    ? undefined
    : `answered ${answer.status}, which is not documented (documented: ${Object.keys(model.responses).join(', ')})`;
  if (!documented) {
    results.content_type_conformance = NOT_APPLICABLE;
    results.response_schema_conformance = NOT_APPLICABLE;
  } else {
    const documentedTypes = Object.keys(documented.content ?? {});
    if (documentedTypes.length === 0) {
      results.content_type_conformance =
        answer.text.length === 0
          ? undefined
          : `answered a body (${actualType || 'no content-type'}) where ${answer.status} documents none`;
    } else {
      results.content_type_conformance = documentedTypes.some((t) => mediaTypeMatches(t, actualType))
        ? undefined
        : `answered content-type "${answer.headers.get('content-type') ?? ''}" where ${answer.status} documents ${documentedTypes.join(', ')}`;
    }
    const mediaType = documentedTypes.find((t) => mediaTypeMatches(t, actualType));
    const schema = mediaType ? documented.content[mediaType].schema : undefined;
    if (!schema || !/json/.test(mediaType)) results.response_schema_conformance = NOT_APPLICABLE;
    else {
      let body;
      try {
        body = JSON.parse(answer.text);
      } catch {
        body = Symbol.for('invalid');
      }
      if (body === Symbol.for('invalid'))
        results.response_schema_conformance = `the ${answer.status} body is not JSON: ${answer.text.slice(0, 80)}`;
      else {
        const issues = validator.check(schema, body);
        results.response_schema_conformance =
          issues.length === 0
            ? undefined
            : `the ${answer.status} body breaks its schema: ${issues
                .slice(0, 3)
                .map((i) => i.message)
                .join('; ')}`;
      }
    }
  }
  // Documented required headers, and Retry-After on every 429 (RFC 6585 §4 says "MAY"; both specs document it, and
  // the clients' backoff depends on it).
  const missing = Object.entries(documented?.headers ?? {})
    .filter(([, header]) => header.required === true)
    .map(([name]) => name)
    .filter((name) => !answer.headers.has(name));
  if (answer.status === 429 && !answer.headers.has('retry-after') && !missing.includes('Retry-After'))
    missing.push('Retry-After');
  results.response_headers_conformance =
    missing.length === 0 ? undefined : `the ${answer.status} answer lacks ${missing.join(', ')}`;
  return results;
}

/** A request that breaks one rule must get a documented 4xx (Schemathesis' negative_data_rejection). */
export function negativeDataRejection(model, request, answer) {
  const documented = documentedResponse(model, answer.status);
  if (answer.status >= 400 && answer.status < 500 && documented) return undefined;
  return `${request.broken.where} breaks "${request.broken.rule}", yet the answer was ${answer.status}${documented ? '' : ' (undocumented)'}`;
}

/**
 * A valid request must not be refused as invalid: both APIs answer 400 for a request that breaks the contract
 * (`validation_failed`), and nothing else. A 401, 403, 404 or 422 can be a correct answer to a valid request.
 */
export function positiveDataAcceptance(_model, _request, answer) {
  return answer.status === 400 ? `a valid request was refused with 400: ${answer.text.slice(0, 160)}` : undefined;
}

/** An operation that needs a credential must not answer 2xx without it, or with a made-up one. */
export function ignoredAuth(_model, request, answer) {
  if (answer.status >= 200 && answer.status < 300) {
    return `answered ${answer.status} to a request ${request.credential === 'missing' ? 'without its credential' : 'with a made-up credential'}`;
  }
  return undefined;
}
