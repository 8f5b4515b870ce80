// `--target sandbox`: this package's stateful sandbox (src/sandbox), started in this process on free ports of
// 127.0.0.1 with its generated demo credentials, in memory, and stopped when the run ends.
import { loadSandbox } from '../sandbox.mjs';
import { apiTarget } from './targets.mjs';

/**
 * Starts the sandbox and returns the runner's view of the selected APIs.
 * @param {('portabl' | 'identity')[]} selected
 * @returns {Promise<{apis: import('./runner.mjs').ApiTarget[], close(): Promise<void>, urls: {portabl: string, identity: string}}>}
 */
export async function openSandboxTarget(selected) {
  const { startSandbox } = await loadSandbox();
  const sandbox = await startSandbox({ host: '127.0.0.1', portablPort: 0, identityPort: 0 });
  try {
    const client = sandbox.credentials.portabl[0];
    const credentials = {
      portabl: { clientId: client.clientId, clientSecret: client.clientSecret },
      identity: { apiKey: sandbox.credentials.identity[0].apiKey },
    };
    const apis = [];
    for (const api of selected)
      apis.push(await apiTarget(api, sandbox.urls[api], credentials[api], { wrongCredentials: true, stateful: true }));
    return { apis, close: () => sandbox.close(), urls: sandbox.urls };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
