// The HTTP server in front of Prism's engine (prism-http's createInstance: router, validator, mocker), in place of
// Prism's own server, which a partner could crash with one malformed escape, stall with a few megabytes, or mislead
// with an answer that looks documented. Here every request gets an answer the spec documents for its operation:
//   - the path is matched as sent (no dot segment resolved; a malformed escape is a violation, never a URIError);
//   - the body is refused before it is parsed when it is larger, deeper or has more values than any valid body
//     (bounds derived from the schema, body-bounds.mjs), or is not of a listed media type;
//   - query parameters, Prefer and Origin are checked (request-checks.mjs);
//   - a refused request gets the operation's documented 400 `validation_failed`, its `message` saying why and the
//     reasons in `sl-violations` (for a discriminated body, only the selected branch's, each once);
//   - a missing credential gets the documented 401; an answer Prism generates is checked against the spec first;
//   - nothing thrown while answering reaches the process: the request gets the documented 500 and the log a line.
// Logging is this server's own, one line per request, and never prints headers, query values or bodies.
import http from 'node:http';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { jsonShape } from './body-bounds.mjs';
import { operationTable } from './operation-table.mjs';
import {
  checkContentType,
  checkPreferences,
  checkQuery,
  originAllowed,
  quoted,
  routeRequest,
  violation,
} from './request-checks.mjs';

const requireFromCli = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
const { createInstance } = requireFromCli('@stoplight/prism-http');
const requireFromPrismHttp = createRequire(requireFromCli.resolve('@stoplight/prism-http/package.json'));
// Prism's conversion of Ajv errors into its violations, so that the mock's own body reasons read like Prism's.
const { convertAjvErrors } = requireFromPrismHttp('./dist/validator/validators/utils');
/** @type {import('ajv-formats').FormatsPlugin} */
const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;
// Prism's generator (json-schema-faker, one instance for the process) fills an array up to its maxItems: 500
// datapoints of 64-property schemas blocked the mock for 1.5 s per answer. A generated array holds at most this many
// items (more when minItems asks for more): as valid, and a dynamic answer costs milliseconds.
const GENERATED_ITEMS_AT_MOST = 8;
requireFromPrismHttp('json-schema-faker').JSONSchemaFaker.option({ maxItems: GENERATED_ITEMS_AT_MOST });

const BUNDLE_ID = 'https://kyc-contracts.invalid/mock.json';
/** How many reasons a refusal carries at most (header and log); the rest are counted. */
export const MAX_REASONS = 20;
const SECURITY_VIOLATION = 401; // Prism's code for a missing credential
const ERROR = 0; // DiagnosticSeverity.Error
const DYNAMIC_ATTEMPTS = 8;
// A body with a few values too many (an unknown property, one item over maxItems) is left to the validator, which
// names the rule it breaks; only a body far beyond any valid one is refused unread, to bound the validator's work.
const VALUES_SLACK = 4;
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

function specValidator(doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true);
  ajv.addSchema({ ...doc, $id: BUNDLE_ID });
  const cache = new WeakMap();
  const absolute = (schema) =>
    JSON.parse(JSON.stringify(schema), (key, value) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${BUNDLE_ID}${value}` : value,
    );
  return (schema) => {
    let fn = cache.get(schema);
    if (!fn) {
      fn = ajv.compile(absolute(schema));
      cache.set(schema, fn);
    }
    return fn;
  };
}

/** Finds `name` in an example value or in its `data` envelope. */
const discriminatorValue = (value, name) => value?.[name] ?? value?.data?.[name];

/**
 * Serves one API's mock.
 * @param {object} options
 * @param {string} options.name        label of log lines, e.g. `identity`
 * @param {object} options.document    the parsed bundle (as the partner reads it)
 * @param {object[]} options.operations  Prism's operations of the document (with the workarounds applied)
 * @param {object} options.config      Prism's configuration (prism.mjs MOCK_CONFIG)
 * @param {object} options.prismLogger Prism's logger (silenced: this server logs for it)
 * @param {string} options.logLevel    one of trace, debug, info (every request), warn (refusals), error, fatal, silent
 * @param {{write(text: string): unknown}} options.log
 * @param {string[]} [options.allowedOrigins]  browser origins allowed besides loopback ones
 * @returns {http.Server}
 */
export function createMockServer({
  name,
  document,
  operations,
  config,
  prismLogger,
  logLevel,
  log,
  allowedOrigins = [],
}) {
  const table = operationTable(document);
  const validatorOf = specValidator(document);
  const prism = createInstance(config, { logger: prismLogger });
  const threshold = LEVELS.indexOf(logLevel);
  const write = (level, line) => {
    if (LEVELS.indexOf(level) >= threshold && threshold < LEVELS.indexOf('silent'))
      log.write(`[${name}] ${level.padEnd(7)}${line}\n`);
  };
  const admits = (schema, value) => validatorOf(schema)(value);
  // Every validator a refusal needs is compiled now, not by the first burst of bad requests (compiling takes
  // milliseconds each, and a burst would pay them all at once while a good request waits).
  for (const operation of table) {
    for (const response of operation.responses.values()) if (response.schema) validatorOf(response.schema);
    for (const branch of Object.values(operation.body?.discriminator?.mapping ?? {})) validatorOf(branch);
    for (const parameter of operation.queryParameters) {
      for (const schema of [parameter.schema, ...Object.values(parameter.schema?.properties ?? {})])
        if (schema) validatorOf(schema);
    }
  }

  function documented(operation, status, pick = () => true) {
    const response = operation.responses.get(String(status));
    const example = response?.examples.find(pick) ?? response?.examples[0];
    return { status, response, body: example?.value };
  }

  /**
   * The status of a refusal: the documented 400, else the documented 422 (Prism's choice for an invalid request),
   * else the first documented 4xx.
   */
  const refusalStatus = (operation) =>
    ['400', '422', ...[...operation.responses.keys()].filter((s) => /^4\d\d$/.test(s)).sort()].find((s) =>
      operation.responses.has(s),
    );

  /** The documented refusal (`validation_failed`), its message naming the reasons when the schema has room for it. */
  function refusalBody(operation, reasons) {
    const { response, body } = documented(
      operation,
      refusalStatus(operation),
      (e) => e.value?.code === 'validation_failed',
    );
    if (!response?.schema || typeof body !== 'object' || body === null) return body;
    const validate = validatorOf(response.schema);
    let message = `The mock refused this request: ${reasons.map((r) => r.message).join('; ')}`;
    while (message.length >= 40) {
      const candidate = { ...body, message };
      if (validate(candidate)) return candidate;
      message = `${message.slice(0, Math.floor(message.length / 2))}… (see sl-violations)`;
      if (message.length >= 40 && message.length < 80) break;
    }
    return body;
  }

  function send(res, status, headers, body) {
    if (res.headersSent) return;
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  function refuse(res, request, operation, reasons) {
    const unique = [...new Map(reasons.map((r) => [JSON.stringify([r.location, r.code, r.message]), r])).values()];
    const kept = unique.slice(0, MAX_REASONS);
    const more = unique.length - kept.length;
    const shown = more > 0 ? [...kept, violation([], 'more', `and ${more} more reasons`)] : kept;
    const documentedStatus = refusalStatus(operation);
    const status = Number(documentedStatus ?? 422);
    write(
      'warn',
      ` ${request.label} → ${status} refused: ${shown.map((r) => `${r.location.slice(1).join('.') || 'request'}: ${r.message}`).join(' | ')}`,
    );
    const header = { 'sl-violations': JSON.stringify(shown) };
    if (!documentedStatus) {
      // The operation documents no refusal at all: Prism's own answer, a problem+json listing the violations.
      return send(
        res,
        status,
        { 'content-type': 'application/problem+json', ...header },
        {
          type: 'about:blank',
          title: 'Invalid request',
          status,
          detail: 'The request breaks the spec; see validation.',
          validation: shown,
        },
      );
    }
    const { response } = documented(operation, status);
    send(
      res,
      status,
      { 'content-type': response?.mediaType ?? 'application/json', ...header },
      refusalBody(operation, shown),
    );
  }

  function answerDocumented(res, request, operation, status, why, extraHeaders = {}) {
    const { response, body } = documented(operation, status);
    write(status >= 500 ? 'error' : 'warn', ` ${request.label} → ${status} ${why}`);
    send(
      res,
      status,
      body === undefined
        ? extraHeaders
        : { 'content-type': response?.mediaType ?? 'application/json', ...extraHeaders },
      body,
    );
  }

  function notRouted(res, request, status, detail, headers = {}) {
    write('warn', ` ${request.label} → ${status} ${detail}`);
    send(
      res,
      status,
      { 'content-type': 'application/problem+json', ...headers },
      { type: 'about:blank', title: http.STATUS_CODES[status], status, detail },
    );
  }

  /** Reads the body up to `limit` bytes; beyond it the rest is drained unread and only its size is kept. */
  function readBody(req, limit) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      let size = 0;
      req.on('data', (chunk) => {
        size += chunk.length;
        if (size <= limit) chunks.push(chunk);
      });
      req.on('end', () => resolve({ size, text: size <= limit ? Buffer.concat(chunks).toString('utf8') : undefined }));
      req.on('error', reject);
    });
  }

  function corsHeaders(req, allowedMethods) {
    const origin = req.headers.origin;
    if (!origin || !originAllowed(origin, allowedOrigins)) return {};
    return {
      'access-control-allow-origin': origin,
      vary: 'Origin',
      'access-control-expose-headers': '*',
      ...(req.method === 'OPTIONS'
        ? {
            'access-control-allow-methods': allowedMethods.join(', '),
            'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '').slice(0, 512),
            'access-control-max-age': '600',
          }
        : {}),
    };
  }

  /** Prism's violations, with a discriminated body's reasons taken from the branch its discriminator selects. */
  function requestReasons(operation, body, prismViolations) {
    const reasons = prismViolations
      .filter((v) => v.severity === ERROR && v.code !== SECURITY_VIOLATION)
      .map((v) => violation(v.path ?? [], String(v.code), v.message));
    const discriminator = operation.body?.discriminator;
    const branch =
      discriminator && body && typeof body === 'object'
        ? discriminator.mapping[body[discriminator.propertyName]]
        : undefined;
    if (!branch) return reasons;
    const validate = validatorOf(branch);
    const branchReasons = validate(body)
      ? []
      : convertAjvErrors(validate.errors, ERROR, 0, 'body').map((v) => violation(v.path, v.code, v.message));
    return [...reasons.filter((r) => r.location[1] !== 'body'), ...branchReasons];
  }

  /** The first example of the default answer whose discriminator matches the request's, when none is asked for. */
  function matchingExampleKey(operation, body) {
    const name = operation.body?.discriminator?.propertyName;
    if (!name || typeof body?.[name] !== 'string') return undefined;
    const status = [...operation.responses.keys()].filter((s) => /^2\d\d$/.test(s)).sort()[0];
    return operation.responses.get(status)?.examples.find((e) => discriminatorValue(e.value, name) === body[name])?.key;
  }

  async function handle(req, res) {
    const method = String(req.method).toLowerCase();
    const target = String(req.url);
    const queryAt = target.indexOf('?');
    const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
    const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
    const request = { label: `${method.toUpperCase()} ${quoted(rawPath, 120).slice(1, -1)}` };

    const routed = rawPath.startsWith('/') ? routeRequest(table, method, rawPath) : undefined;
    if (method === 'options' && routed && 'allowed' in routed) {
      // A CORS preflight (or a plain OPTIONS) for a path the spec has: its methods, and CORS only for allowed origins.
      req.resume();
      write('info', ` ${request.label} → 204`);
      return send(res, 204, { allow: [...routed.allowed, 'OPTIONS'].join(', '), ...corsHeaders(req, routed.allowed) });
    }
    if (routed === undefined) {
      req.resume();
      return notRouted(
        res,
        request,
        404,
        `No operation has the path ${quoted(rawPath, 120)} (paths are matched as sent: no dot segment is resolved). Paths: ${[...new Set(table.map((op) => op.path))].join(', ')}`,
      );
    }
    if ('allowed' in routed) {
      req.resume();
      const allow = [...routed.allowed, 'OPTIONS'].join(', ');
      return notRouted(
        res,
        request,
        405,
        `${method.toUpperCase()} is not an operation of this path; allowed: ${allow}`,
        { allow },
      );
    }
    const { operation } = routed;
    for (const [header, value] of Object.entries(corsHeaders(req, []))) res.setHeader(header, value);

    const limit = operation.body?.maxBytes ?? 0;
    const { size, text } = await readBody(req, limit);

    // A missing credential is answered first, as the APIs do.
    const credential = operation.credential;
    if (credential) {
      const value = req.headers[credential.name];
      const present =
        typeof value === 'string' && (credential.kind === 'bearer' ? /^bearer +\S/i.test(value) : value.trim() !== '');
      if (!present) {
        return answerDocumented(
          res,
          request,
          operation,
          401,
          credential.kind === 'bearer' ? 'no bearer token' : `no ${credential.name} header`,
          credential.kind === 'bearer' ? { 'www-authenticate': 'Bearer' } : {},
        );
      }
    }

    const issues = [...routed.issues];
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin, allowedOrigins)) {
      issues.push(
        violation(
          ['header', 'origin'],
          'origin',
          `Request Origin ${quoted(origin)} is not allowed: the mock answers pages from loopback origins only`,
        ),
      );
    }
    const query = checkQuery(operation, rawQuery, admits);
    issues.push(...query.issues);
    const preferences = checkPreferences(operation, req.headers.prefer, query.controls);
    issues.push(...preferences.issues);
    const hasBody = size > 0;
    const media = checkContentType(operation, req.headers['content-type'], hasBody);
    issues.push(...media.issues);
    let body = null;
    if (hasBody && media.issues.length === 0) {
      if (text === undefined) {
        issues.push(
          violation(
            ['body'],
            'maxBytes',
            `Request body of ${size} bytes is larger than any valid ${operation.operationId} body (at most ${limit} bytes)`,
          ),
        );
      } else {
        const shape = jsonShape(text);
        if (shape.depth > operation.body.maxDepth) {
          issues.push(
            violation(
              ['body'],
              'maxDepth',
              `Request body nests ${shape.depth} levels deep; a valid ${operation.operationId} body nests at most ${operation.body.maxDepth}`,
            ),
          );
        } else if (shape.values > operation.body.maxValues * VALUES_SLACK) {
          issues.push(
            violation(
              ['body'],
              'maxValues',
              `Request body holds more than ${VALUES_SLACK} times as many values as any valid ${operation.operationId} body (at most ${operation.body.maxValues})`,
            ),
          );
        } else {
          try {
            body = JSON.parse(text);
          } catch {
            issues.push(violation(['body'], 'json', 'Request body is not valid JSON'));
          }
        }
      }
    }
    if (issues.length > 0) return refuse(res, request, operation, issues);

    const headers = { ...req.headers };
    delete headers.accept; // every operation answers JSON; Prism would answer 406 for anything else
    if (media.mediaType) headers['content-type'] = media.mediaType;
    if (credential?.kind === 'bearer') headers.authorization = headers.authorization.replace(/^bearer +/i, 'Bearer ');
    const input = {
      method,
      url: { path: rawPath, query: query.query },
      headers,
      body: hasBody ? body : undefined,
    };
    const exampleKey =
      preferences.exampleKey ?? (preferences.code === undefined ? matchingExampleKey(operation, body) : undefined);
    const mockConfig = {
      ...config,
      mock: { ...config.mock, code: preferences.code, exampleKey, dynamic: preferences.dynamic ?? config.mock.dynamic },
    };

    // A generated answer is drawn again (a new seed) when it breaks the spec: the spec's bounds hold every answer.
    const attempts = mockConfig.mock.dynamic ? DYNAMIC_ATTEMPTS : 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const result = await prism.request(input, operations, mockConfig)();
      if (result._tag === 'Left') {
        const error = result.left;
        // An invalid request to an operation that documents no 4xx: Prism refuses it with its own 422.
        const invalid = error?.additional?.validation;
        if (Array.isArray(invalid) && invalid.length > 0) {
          return refuse(
            res,
            request,
            operation,
            invalid.map((v) => violation(v.location ?? [], String(v.code), v.message)),
          );
        }
        return answerDocumented(
          res,
          request,
          operation,
          500,
          `Prism failed: ${error?.title ?? error?.message ?? String(error)}`,
        );
      }
      const { output, validations } = result.right;
      const reasons = requestReasons(operation, body, validations.input);
      if (reasons.length > 0 && output.statusCode !== 401) return refuse(res, request, operation, reasons);
      const wrong = validations.output.filter((v) => v.severity === ERROR);
      if (wrong.length > 0) {
        if (attempt < attempts) continue;
        return answerDocumented(
          res,
          request,
          operation,
          500,
          `the mock's answer breaks the spec: ${wrong
            .slice(0, 3)
            .map((v) => v.message)
            .join('; ')}`,
        );
      }
      write('info', ` ${request.label} → ${output.statusCode}${exampleKey ? ` (example ${exampleKey})` : ''}`);
      const contentType = output.headers?.['Content-type'] ?? output.headers?.['content-type'];
      return send(
        res,
        output.statusCode,
        { ...output.headers },
        output.body === undefined
          ? undefined
          : contentType && !/json/.test(contentType)
            ? String(output.body)
            : output.body,
      );
    }
  }

  const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
    handle(req, res).catch((error) => {
      write(
        'error',
        ` ${req.method} ${quoted(String(req.url), 120)} → 500: the mock failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) {
        send(
          res,
          500,
          { 'content-type': 'application/problem+json' },
          {
            type: 'about:blank',
            title: 'Internal Server Error',
            status: 500,
            detail: 'The mock failed on this request; its log says why.',
          },
        );
      } else res.destroy();
    });
  });
  // A request Node's parser refuses (a malformed request line or header) gets a 400 and the connection closes.
  server.on('clientError', (error, socket) => {
    if (socket.writable && !socket.destroyed)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
