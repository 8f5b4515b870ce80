// The checks the mock makes before Prism sees a request: each finds what is wrong with one part of the request
// (path, query, content type, Prefer, Origin) and says it as a violation in Prism's own `sl-violations` shape, so
// that a partner reads every refusal the same way. Pure functions of the request and the operation table.
import { createRequire } from 'node:module';
import { documentedStatuses } from './operation-table.mjs';

const requireFromCli = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
const requireFromPrismHttp = createRequire(requireFromCli.resolve('@stoplight/prism-http/package.json'));
// Prism's own Prefer parser (a dependency of prism-http), so that the mock reads the header exactly as Prism does.
const parsePreferHeader = requireFromPrismHttp('parse-prefer-header');
const contentType = createRequire(requireFromCli.resolve('@stoplight/prism-http-server/package.json'))('content-type');

/**
 * One thing wrong with a request, in Prism's `sl-violations` shape.
 * @typedef {{location: string[], severity: 'Error', code: string, message: string}} Violation
 */

/** @returns {Violation} */
export const violation = (location, code, message) => ({
  location: ['request', ...location],
  severity: 'Error',
  code,
  message,
});

/** What a request names, quoted and cut short, so that a hostile value cannot flood a header or a log line. */
export const quoted = (text, max = 60) => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

/** decodeURIComponent that answers undefined for a malformed escape instead of throwing a URIError. */
export function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const isDotSegment = (segment) => {
  const decoded = safeDecode(segment);
  return decoded === '.' || decoded === '..';
};

/**
 * Finds the operation a request path and method address, reading the path as sent: no dot segment is resolved
 * (`/identities/.%2e/identities` is not `/identities`), and a segment whose escapes are malformed can only fill a
 * path parameter, where it is a violation.
 * @param {import('./operation-table.mjs').MockOperation[]} table
 * @param {string} method    lowercase
 * @param {string} rawPath   the request path as sent, without the query
 * @returns {{operation: object, issues: Violation[]} | {allowed: string[]} | undefined}
 *          the operation; or the methods the path allows (405); or undefined when no path matches (404)
 */
export function routeRequest(table, method, rawPath) {
  const segments = rawPath.split('/');
  if (segments.some(isDotSegment)) return undefined;
  const matches = table.filter(
    (op) =>
      op.segments.length === segments.length &&
      op.segments.every((template, i) =>
        /^\{.+\}$/.test(template) ? segments[i] !== '' : safeDecode(segments[i]) === template,
      ),
  );
  if (matches.length === 0) return undefined;
  // A literal segment beats a parameter (`/identities/new` before `/identities/{id}`), as OpenAPI requires.
  const literalCount = (op) => op.segments.filter((s) => !/^\{.+\}$/.test(s)).length;
  const best = matches.filter((op) => literalCount(op) === Math.max(...matches.map(literalCount)));
  const operation = best.find((op) => op.method === method);
  if (!operation) return { allowed: [...new Set(best.map((op) => op.method.toUpperCase()))].sort() };
  const issues = operation.segments.flatMap((template, i) => {
    const name = /^\{(.+)\}$/.exec(template)?.[1];
    return name && safeDecode(segments[i]) === undefined
      ? [violation(['path', name], 'malformedEscape', `Request path parameter ${name} has a malformed percent-escape`)]
      : [];
  });
  return { operation, issues };
}

// Prism's query-string controls, the alternative to a Prefer header.
const PREFER_CONTROLS = { __code: 'code', __example: 'example', __dynamic: 'dynamic' };

/**
 * Reads a query string strictly: malformed escapes, unknown parameters, a deepObject parameter sent as a plain
 * value or with a property its schema does not have, repeated and empty values are violations.
 * @param {import('./operation-table.mjs').MockOperation} operation
 * @param {string} rawQuery  the query as sent, without `?`
 * @param {(schema: object, value: string) => boolean} admits  whether a parameter's schema accepts a value as sent
 * @returns {{query: Record<string, string | string[]>, controls: Record<string, string>, issues: Violation[]}}
 */
export function checkQuery(operation, rawQuery, admits) {
  /** @type {Record<string, string | string[]>} */
  const query = {};
  /** @type {Record<string, string>} */
  const controls = {};
  const issues = [];
  const byName = new Map(operation.queryParameters.map((p) => [p.name, p]));
  const names = () => (byName.size ? [...byName.keys()].join(', ') : 'none');
  for (const pair of rawQuery === '' ? [] : rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawName, rawValue] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const name = safeDecode(rawName.replace(/\+/g, ' '));
    const value = safeDecode(rawValue.replace(/\+/g, ' '));
    if (name === undefined || value === undefined) {
      issues.push(
        violation(['query'], 'malformedEscape', `Request query has a malformed percent-escape in ${quoted(pair)}`),
      );
      continue;
    }
    if (name in PREFER_CONTROLS) {
      controls[PREFER_CONTROLS[name]] = value;
      continue;
    }
    const deep = /^([^[\]]+)\[([^[\]]*)\]$/.exec(name);
    const parameter = byName.get(deep ? deep[1] : name);
    if (!parameter) {
      issues.push(
        violation(
          ['query', name],
          'unknownParameter',
          `Request query parameter ${quoted(name)} is not a parameter of ${operation.operationId} (its parameters: ${names()})`,
        ),
      );
      continue;
    }
    if (parameter.style === 'deepObject') {
      const properties = parameter.schema?.properties ?? {};
      if (!deep) {
        issues.push(
          violation(
            ['query', name],
            'deepObject',
            `Request query parameter ${name} is an object: send ${name}[<property>]=<value> (properties: ${Object.keys(properties).join(', ')})`,
          ),
        );
        continue;
      }
      if (parameter.schema?.additionalProperties === false && !(deep[2] in properties)) {
        issues.push(
          violation(
            ['query', parameter.name],
            'unknownProperty',
            `Request query parameter ${parameter.name} has no property ${quoted(deep[2])} (properties: ${Object.keys(properties).join(', ')})`,
          ),
        );
        continue;
      }
      const schema = properties[deep[2]];
      if (value === '' && schema && !admits(schema, value)) {
        issues.push(
          violation(
            ['query', parameter.name, deep[2]],
            'empty',
            `Request query parameter ${name} is empty: give a value or leave it out`,
          ),
        );
        continue;
      }
    } else if (deep) {
      issues.push(
        violation(
          ['query', name],
          'unknownParameter',
          `Request query parameter ${quoted(name)} is not a parameter of ${operation.operationId} (its parameters: ${names()})`,
        ),
      );
      continue;
    } else if (value === '' && parameter.schema && !admits(parameter.schema, value)) {
      issues.push(
        violation(['query', name], 'empty', `Request query parameter ${name} is empty: give a value or leave it out`),
      );
      continue;
    }
    if (name in query) {
      const repeatable = parameter.style !== 'deepObject' && parameter.schema?.type === 'array';
      if (!repeatable) {
        issues.push(violation(['query', name], 'repeated', `Request query parameter ${name} is given more than once`));
        continue;
      }
      query[name] = [query[name]].flat().concat(value);
    } else {
      query[name] = value;
    }
  }
  return { query, controls, issues };
}

/**
 * Checks the media type of a request body against the operation's request media types.
 * @param {import('./operation-table.mjs').MockOperation} operation
 * @param {string | undefined} header  the Content-Type header as sent
 * @param {boolean} hasBody
 * @returns {{mediaType?: string, issues: Violation[]}}
 */
export function checkContentType(operation, header, hasBody) {
  if (!hasBody) return { issues: [] };
  if (!operation.body) {
    return { issues: [violation(['body'], 'noBody', `${operation.operationId} takes no request body; send none`)] };
  }
  const listed = operation.body.mediaTypes.join(', ');
  if (header === undefined || header === '') {
    return {
      issues: [violation(['header', 'content-type'], 'contentType', `Request Content-Type is missing; send ${listed}`)],
    };
  }
  let parsed;
  try {
    parsed = contentType.parse(header);
  } catch {
    return {
      issues: [
        violation(
          ['header', 'content-type'],
          'contentType',
          `Request Content-Type ${quoted(header)} is malformed; send ${listed}`,
        ),
      ],
    };
  }
  if (!operation.body.mediaTypes.includes(parsed.type)) {
    return {
      issues: [
        violation(
          ['header', 'content-type'],
          'contentType',
          `Request Content-Type ${quoted(parsed.type)} is not accepted by ${operation.operationId}; send ${listed}`,
        ),
      ],
    };
  }
  const charset = parsed.parameters.charset?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8') {
    return {
      issues: [
        violation(
          ['header', 'content-type'],
          'contentType',
          `Request charset ${quoted(charset)} is not accepted; send UTF-8`,
        ),
      ],
    };
  }
  return { mediaType: parsed.type, issues: [] };
}

function lowest2xx(operation) {
  return [...operation.responses.keys()].filter((s) => /^2\d\d$/.test(s)).sort()[0];
}

/**
 * Reads what a request asks the mock for (Prefer header, or Prism's `__code`/`__example`/`__dynamic` query
 * controls when there is no header) and refuses what the operation does not document, naming what it does.
 * @param {import('./operation-table.mjs').MockOperation} operation
 * @param {string | undefined} header   the Prefer header
 * @param {Record<string, string>} controls  from checkQuery
 * @returns {{code?: number, exampleKey?: string, dynamic?: boolean, seed?: string, issues: Violation[]}}
 */
export function checkPreferences(operation, header, controls) {
  let asked;
  try {
    asked = header ? parsePreferHeader(header) : controls;
  } catch {
    return { issues: [violation(['header', 'prefer'], 'prefer', `Request Prefer header is malformed`)] };
  }
  const issues = [];
  const where = header ? ['header', 'prefer'] : ['query'];
  const result = { issues };
  if (asked.code !== undefined) {
    const code = String(asked.code);
    if (!operation.responses.has(code)) {
      issues.push(
        violation(
          where,
          'prefer',
          `Prefer code=${quoted(code, 10)} is not documented for ${operation.operationId}; its statuses: ${documentedStatuses(operation)}`,
        ),
      );
    } else {
      result.code = Number(code);
    }
  }
  if (asked.example !== undefined) {
    const status = asked.code !== undefined ? String(asked.code) : lowest2xx(operation);
    const keys = operation.responses.get(status)?.examples.map((e) => e.key) ?? [];
    if (!keys.includes(String(asked.example))) {
      const documented = [...operation.responses]
        .flatMap(([s, r]) => r.examples.map((e) => `${s} ${e.key}`))
        .join(', ');
      issues.push(
        violation(
          where,
          'prefer',
          `Prefer example=${quoted(String(asked.example), 40)} is not an example of ${operation.operationId}'s ${status ?? ''} answer; its examples: ${documented || 'none'}`,
        ),
      );
    } else {
      result.exampleKey = String(asked.example);
    }
  }
  if (asked.dynamic !== undefined) {
    if (asked.dynamic === 'true' || asked.dynamic === true) result.dynamic = true;
    else if (asked.dynamic === 'false') result.dynamic = false;
    else
      issues.push(
        violation(where, 'prefer', `Prefer dynamic=${quoted(String(asked.dynamic), 20)} is not true or false`),
      );
  }
  return result;
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Whether a browser page from `origin` may call the mock: loopback pages (the docs served by `npm start`, a
 * partner's local app) and the origins given; not any page on the web a developer happens to visit.
 * @param {string} origin        the Origin header
 * @param {string[]} [allowed]   more origins, exactly as a browser sends them (e.g. the docs server's URL)
 */
export function originAllowed(origin, allowed = []) {
  if (allowed.includes(origin)) return true;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOST.test(url.hostname) && url.origin === origin
  );
}
