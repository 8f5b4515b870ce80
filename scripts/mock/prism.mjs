// One Prism mock server, started in this process: Prism's engine (router, validator, mocker) with the settings of
// `prism mock --errors`, behind our own HTTP server (server.mjs) and with the workarounds of workarounds.mjs; with
// `workarounds: false`, exactly `prism mock --errors`, Prism's own server included. In-process rather than a child
// process, so that a caller can ask for port 0 (a free port, no race), learn the real URL from `listen` and choose
// where the log goes; it costs no extra process per API.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { formatPrismLogLine } from './log-format.mjs';
import { LOG_LEVELS } from './log-levels.mjs';
import { createMockServer } from './server.mjs';
import { withJsonSchema2020, withLowercaseDeepObjectProperties } from './workarounds.mjs';

/**
 * A running mock.
 * @typedef {object} RunningPrism
 * @property {string} name the label given to startPrism, e.g. `portabl`
 * @property {string} url `http://host:port`, with the port actually bound
 * @property {() => Promise<void>} close stops it
 */

// Prism's server and HTTP modules are dependencies of the CLI we declare (@stoplight/prism-cli), resolved from the
// CLI's own location so that they are exactly the versions the CLI runs with, however npm lays out node_modules.
const requireFromCli = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json'));
const { createServer } = requireFromCli('@stoplight/prism-http-server');
const { getHttpOperationsFromSpec } = requireFromCli('@stoplight/prism-http');
const { createLogger } = requireFromCli('@stoplight/prism-core');

export { LOG_LEVELS };

/**
 * The configuration `prism mock --errors` builds (prism-cli createServer.js), in static mode:
 * requests are validated and security is checked; the answer is the spec's example unless a `Prefer` header asks
 * otherwise; a generated answer that breaks the spec's own response schema becomes a 500 instead of reaching a client.
 */
const MOCK_CONFIG = {
  isProxy: false,
  validateRequest: true,
  validateResponse: true,
  checkSecurity: true,
  errors: true,
  upstreamProxy: undefined,
  mock: { dynamic: false, ignoreExamples: false },
};

/**
 * Starts Prism for one OpenAPI document.
 * @param {object} options
 * @param {string} options.name        label used in log lines, e.g. `portabl`
 * @param {string} options.document    path of the bundled OpenAPI document
 * @param {string} [options.host]      interface to listen on
 * @param {number} [options.port]      0 asks the OS for a free port
 * @param {string} [options.logLevel]  one of LOG_LEVELS
 * @param {{write(text: string): unknown}} [options.log]  where readable log lines go (default: stdout)
 * @param {boolean} [options.workarounds]  false: exactly `prism mock --errors` (Prism's own server), without the
 *   fixes of workarounds.mjs and server.mjs
 * @param {string[]} [options.allowedOrigins]  browser origins allowed besides loopback ones (e.g. the docs server)
 * @returns {Promise<{name: string, url: string, close(): Promise<void>}>}
 */
export async function startPrism({
  name,
  document,
  host = '127.0.0.1',
  port = 0,
  logLevel = 'warn',
  log = process.stdout,
  workarounds = true,
  allowedOrigins = [],
}) {
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`log level "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  let operations;
  let parsed;
  try {
    // Prism gets the parsed object, which is fine for a self-contained bundle (a relative external $ref would no
    // longer know its folder). A JSON bundle parses in about a millisecond; the YAML parser took 70-230 ms.
    const text = await readFile(document, 'utf8');
    parsed = document.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    operations = await getHttpOperationsFromSpec(
      workarounds ? withLowercaseDeepObjectProperties(withJsonSchema2020(parsed)) : parsed,
    );
  } catch (error) {
    throw new Error(
      `${name}: Prism cannot read ${document}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (operations.length === 0) throw new Error(`${name}: ${document} has no operations to mock`);

  const server = workarounds
    ? hardenedServer({ name, parsed, operations, logLevel, log, allowedOrigins })
    : stockServer({ name, operations, logLevel, log });

  let address;
  try {
    address = await server.listen(port, host);
  } catch (error) {
    // prism-http-server rejects with the bare message string of the listen error.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${name}: cannot listen on ${host}:${port}: ${message}`);
  }
  let closed;
  return {
    name,
    url: address,
    close: () => (closed ??= server.close()),
  };
}

/** Our server around Prism's engine (server.mjs): Prism logs nothing itself, the server logs one line a request. */
function hardenedServer({ name, parsed, operations, logLevel, log, allowedOrigins }) {
  const prismLogger = createLogger(name, { level: 'silent' }, { write: () => true });
  const http = createMockServer({
    name,
    document: parsed,
    operations,
    config: structuredClone(MOCK_CONFIG),
    prismLogger,
    logLevel,
    log,
    allowedOrigins,
  });
  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const onError = (error) => reject(error.message);
        http.once('error', onError);
        http.listen(port, host, () => {
          http.off('error', onError);
          const { address, port: bound } = /** @type {import('node:net').AddressInfo} */ (http.address());
          resolve(`http://${address}:${bound}`);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        http.closeAllConnections();
      }),
  };
}

/** Stock `prism mock --errors`: Prism's own server (for the blind-spot tests that show what the fixes change). */
function stockServer({ name, operations, logLevel, log }) {
  // Prism logs pino JSON lines; each is turned into one readable line (and request headers, which carry
  // credentials, are never printed).
  const destination = { write: (jsonLine) => log.write(formatPrismLogLine(name, jsonLine)) };
  const logger = createLogger(name, { level: logLevel }, destination);
  return createServer(operations, {
    cors: true,
    config: structuredClone(MOCK_CONFIG),
    components: { logger: logger.child({ name: 'HTTP SERVER' }) },
  });
}
