// `npm start`: what a partner runs first. Serves the two Prism mocks and the API docs on 127.0.0.1 and prints the
// three URLs; Ctrl-C stops all of them. generated/ is committed, so this needs no build step.
// Each mock's port variable (apis.json `mock.portEnv`) and DOCS_PORT (4000) choose the ports; 0 picks a free one.
// It also serves the stateful sandbox (scripts/sandbox.mjs: its port variables are each spec's x-sandbox.portSetting).
import { apis } from './apis.mjs';
import { logLevelFromEnv, mockPortsFromEnv, parsePort, startMocks } from './mock.mjs';
import { loadSandbox } from './sandbox.mjs';
import { serveDocs } from './serve-docs.mjs';

const host = '127.0.0.1';

async function main() {
  // Every setting is checked before anything listens, so a typo never leaves a half-started set of servers.
  const docsPort = process.env.DOCS_PORT ? parsePort('DOCS_PORT', process.env.DOCS_PORT) : 4000;
  const mockSettings = { ports: mockPortsFromEnv(), logLevel: logLevelFromEnv() };
  const sandboxModule = await loadSandbox();
  const sandboxSettings = sandboxModule.sandboxOptionsFromEnv(process.env);

  const mocks = await startMocks({ host, ...mockSettings });
  let docs;
  let sandbox;
  try {
    sandbox = await sandboxModule.startSandbox(sandboxSettings);
    docs = await serveDocs({ host, port: docsPort });
  } catch (error) {
    await Promise.allSettled([mocks.close(), sandbox?.close()]);
    const what = sandbox ? `docs server on ${host}:${docsPort}` : 'sandbox';
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }

  console.log(`\nkyc-contracts is up:
${apis.map((api) => `  ${`${api.title} mock`.padEnd(24)}${mocks.urls[api.name]}`).join('\n')}
  API docs                ${docs.url}
${sandboxModule
  .describeSandbox(sandbox)
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([mocks.close(), docs.close(), sandbox.close()]);
    console.log(`\n${signal}: mocks, sandbox and docs stopped`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
