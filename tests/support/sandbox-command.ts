// `npm run sandbox` as a child process: started with the given environment, resolved once it printed both URLs
// (it prints them only once it accepts requests), stopped by a signal.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { repoRoot } from './bundles.js';

export { repoRoot };

export interface SandboxProcess {
  child: ChildProcess;
  urls: { portabl: string; identity: string };
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Sends the signal and resolves with the exit code once the process ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `node scripts/sandbox.mjs`; rejects with its output if it exits before printing both URLs. */
export function spawnSandbox(env: Record<string, string>): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'sandbox.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, SANDBOX_PORTABL_PORT: '0', SANDBOX_IDENTITY_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      printed += chunk.toString();
      const portabl = /^Portabl Core API sandbox (http:\/\/127\.0\.0\.1:\d+)$/m.exec(printed)?.[1];
      const identity = /^Identities API sandbox (http:\/\/127\.0\.0\.1:\d+)$/m.exec(printed)?.[1];
      if (portabl && identity) {
        resolve({
          child,
          urls: { portabl, identity },
          output: () => printed,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`the sandbox exited (${code}) before listening:\n${printed}`)));
  });
}
