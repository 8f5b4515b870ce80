// `npm start`: what a partner runs first. Serves the two Prism mocks and the API docs on 127.0.0.1 and prints the
// three URLs; Ctrl-C stops all of them. generated/ is committed, so this needs no build step.
import { logLevelFromEnv, mockPortsFromEnv, parsePort, startMocks } from './mock.mjs';
import { serveDocs } from './serve-docs.mjs';

const host = '127.0.0.1';
const docsPort = process.env.DOCS_PORT ? parsePort('DOCS_PORT', process.env.DOCS_PORT) : 4000;

const mocks = await startMocks({ host, ...mockPortsFromEnv(), logLevel: logLevelFromEnv() });
let docs;
try {
  docs = await serveDocs({ host, port: docsPort });
} catch (error) {
  await mocks.close();
  throw error;
}

console.log(`\nkyc-contracts is up:
  Portabl Core API mock   ${mocks.urls.portabl}
  Identities API mock     ${mocks.urls.identity}
  API docs                ${docs.url}
Press Ctrl-C to stop.`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping`);
  await Promise.allSettled([mocks.close(), docs.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
