// Prism mocks of both bundled specs, for partners who build against the APIs before they have credentials.
//   node scripts/mock.mjs        (npm run mock)  → each API of apis.json on 127.0.0.1, on its `mock.defaultPort`;
// its `mock.portEnv` variable chooses another port (0: any free port); MOCK_LOG_LEVEL sets how much the
// mock logs (default warn: one line per refused request with its reasons; info: every request and how it was
// answered; never a header, query value or body).
// Also imported by scripts/start.mjs and the contract tests: startMocks() returns the URLs and a close().
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { apis, bundlePath as registryBundlePath, repoRoot } from './apis.mjs';
import { LOG_LEVELS } from './mock/log-levels.mjs';

/**
 * The bundle a mock serves: `npm run bundle` writes it. The JSON copy: it parses in a millisecond, the YAML one in
 * hundreds.
 * @param {string} api the API's name
 */
export function bundlePath(api) {
  return registryBundlePath({ name: api }, 'json');
}

/**
 * A TCP port from an environment variable: an integer 0..65535 (0 lets the OS choose a free one).
 * @param {string} variable the variable's name, for the error
 * @param {string} value
 * @returns {number}
 * @throws {Error} naming the variable and the value when it is not a port
 */
export function parsePort(variable, value) {
  const text = String(value).trim();
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port > 65535) {
    throw new Error(`${variable}="${value}" is not a port: give an integer from 0 to 65535 (0 picks a free port)`);
  }
  return port;
}

/**
 * Each mock's port, by API name: from its variable in apis.json (`mock.portEnv`), or its default (`mock.defaultPort`).
 * @param {Record<string, string | undefined>} [env]
 * @returns {Record<string, number>}
 */
export function mockPortsFromEnv(env = process.env) {
  return Object.fromEntries(
    apis.map((api) => {
      const value = env[api.mock.portEnv];
      return [
        api.name,
        value === undefined || value === '' ? api.mock.defaultPort : parsePort(api.mock.portEnv, value),
      ];
    }),
  );
}

/**
 * MOCK_LOG_LEVEL, checked, or `warn`.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
export function logLevelFromEnv(env = process.env) {
  const level = env.MOCK_LOG_LEVEL || 'warn';
  if (!LOG_LEVELS.includes(level)) {
    throw new Error(`MOCK_LOG_LEVEL="${level}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}

/**
 * @typedef {object} StartMocksOptions
 * @property {Record<string, number> | 0} [ports] each mock's port by API name (an API left out: its default port
 *   from apis.json); 0: every mock on a free port
 * @property {string} [host] default 127.0.0.1
 * @property {string} [logLevel] Prism's log level: trace, debug, info, warn (default), error, fatal, silent
 * @property {{ write(text: string): unknown }} [log] where the readable log lines go; default stdout
 */

/**
 * @typedef {object} RunningMocks
 * @property {Record<string, string>} urls each mock's base URL by API name
 * @property {() => Promise<void>} close stops every mock
 */

/**
 * Starts a mock of every API in apis.json. If one cannot start, the others are stopped again and the error says
 * which and why.
 * @param {StartMocksOptions} [options]
 * @returns {Promise<RunningMocks>}
 * @example const mocks = await startMocks({ ports: 0, logLevel: 'silent' }); await mocks.close();
 */
export async function startMocks({ ports = {}, host = '127.0.0.1', logLevel = 'warn', log = process.stdout } = {}) {
  /** @param {string} name */
  const portOf = (name) =>
    ports === 0 ? 0 : (ports[name] ?? apis.find((a) => a.name === name)?.mock.defaultPort ?? 0);
  for (const api of apis) {
    const port = portOf(api.name);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`${api.name} mock: port ${port} is not an integer from 0 to 65535`);
    }
    if (!existsSync(bundlePath(api.name))) {
      throw new Error(
        `${api.name} mock: ${path.relative(repoRoot, bundlePath(api.name))} is missing: run \`npm run bundle\``,
      );
    }
    const clash = apis.find((other) => other !== api && port !== 0 && portOf(other.name) === port);
    if (clash) {
      throw new Error(
        `both mocks asked for port ${port}: give ${api.mock.portEnv} and ${clash.mock.portEnv} different values`,
      );
    }
  }

  // Prism's modules load only once every setting has been checked: a mistake is reported at once.
  const { startPrism } = await import('./mock/prism.mjs');
  const started = await Promise.allSettled(
    apis.map((api) =>
      startPrism({ name: api.name, document: bundlePath(api.name), host, port: portOf(api.name), logLevel, log }),
    ),
  );
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.length > 0) {
    await Promise.all(servers.map((server) => server.close()));
    throw new Error(failures.map((error) => (error instanceof Error ? error.message : String(error))).join('\n'));
  }
  return {
    urls: Object.fromEntries(apis.map((api, i) => [api.name, /** @type {{ url: string }} */ (servers[i]).url])),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

async function main() {
  const mocks = await startMocks({ ports: mockPortsFromEnv(), logLevel: logLevelFromEnv() });
  for (const api of apis) {
    console.log(`${`${api.title} mock:`.padEnd(26)} ${mocks.urls[api.name]}`);
  }
  console.log('Ctrl-C stops both.');
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    await mocks.close();
    console.log(`\nmocks stopped (${signal})`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
