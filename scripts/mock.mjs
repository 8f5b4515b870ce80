// Prism mocks of both bundled specs, for partners who build against the APIs before they have credentials.
//   node scripts/mock.mjs        (npm run mock)  → Portabl on 127.0.0.1:4010, Identities on 127.0.0.1:4011
// PORTABL_MOCK_PORT / IDENTITY_MOCK_PORT choose other ports (0: any free port); MOCK_LOG_LEVEL sets how much the
// mock logs (default warn: one line per refused request with its reasons; info: every request and how it was
// answered; never a header, query value or body).
// Also imported by scripts/start.mjs and the contract tests: startMocks() returns the URLs and a close().
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LOG_LEVELS, startPrism } from './mock/prism.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

import { MOCKED_APIS } from './mock/apis.mjs';

export { MOCKED_APIS };

/** The bundle a mock serves: `npm run bundle` writes it. */
export function bundlePath(api) {
  return path.join(repoRoot, 'generated', api, 'openapi.yaml');
}

/** A TCP port from an environment variable: an integer 0..65535 (0 lets the OS choose a free one). */
export function parsePort(variable, value) {
  const text = String(value).trim();
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port > 65535) {
    throw new Error(`${variable}="${value}" is not a port: give an integer from 0 to 65535 (0 picks a free port)`);
  }
  return port;
}

/** Ports from PORTABL_MOCK_PORT / IDENTITY_MOCK_PORT, or the defaults 4010 / 4011. */
export function mockPortsFromEnv(env = process.env) {
  const [portabl, identity] = MOCKED_APIS.map((api) => {
    const value = env[api.portEnv];
    return value === undefined || value === '' ? api.defaultPort : parsePort(api.portEnv, value);
  });
  return { portablPort: portabl, identityPort: identity };
}

/** MOCK_LOG_LEVEL, checked, or `warn`. */
export function logLevelFromEnv(env = process.env) {
  const level = env.MOCK_LOG_LEVEL || 'warn';
  if (!LOG_LEVELS.includes(level)) {
    throw new Error(`MOCK_LOG_LEVEL="${level}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}

/**
 * Starts both mocks. If one cannot start, the other is stopped again and the error says which and why.
 * @param {{portablPort?: number, identityPort?: number, host?: string, logLevel?: string,
 *          log?: {write(text: string): unknown}}} [options]
 * @returns {Promise<{urls: {portabl: string, identity: string}, close(): Promise<void>}>}
 */
export async function startMocks({
  portablPort = 4010,
  identityPort = 4011,
  host = '127.0.0.1',
  logLevel = 'warn',
  log = process.stdout,
} = {}) {
  const ports = { portabl: portablPort, identity: identityPort };
  for (const api of MOCKED_APIS) {
    const port = ports[api.name];
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`${api.name} mock: port ${port} is not an integer from 0 to 65535`);
    }
    if (!existsSync(bundlePath(api.name))) {
      throw new Error(`${api.name} mock: ${path.relative(repoRoot, bundlePath(api.name))} is missing: run \`npm run bundle\``);
    }
  }
  if (portablPort !== 0 && portablPort === identityPort) {
    throw new Error(`both mocks asked for port ${portablPort}: give PORTABL_MOCK_PORT and IDENTITY_MOCK_PORT different values`);
  }

  const started = await Promise.allSettled(
    MOCKED_APIS.map((api) =>
      startPrism({ name: api.name, document: bundlePath(api.name), host, port: ports[api.name], logLevel, log }),
    ),
  );
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.length > 0) {
    await Promise.all(servers.map((server) => server.close()));
    throw new Error(failures.map((error) => (error instanceof Error ? error.message : String(error))).join('\n'));
  }
  const [portabl, identity] = servers;
  return {
    urls: { portabl: portabl.url, identity: identity.url },
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

async function main() {
  const mocks = await startMocks({ ...mockPortsFromEnv(), logLevel: logLevelFromEnv() });
  for (const api of MOCKED_APIS) {
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
