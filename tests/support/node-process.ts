// A Node script run as a child process without blocking the test's event loop (a local server in the test process
// keeps answering meanwhile), for the tests that run compilers side by side.
import { execFile } from 'node:child_process';

/** What a finished child process left: its exit status (1 when it could not start) and stdout + stderr. */
export interface Finished {
  status: number;
  output: string;
}

/**
 * Runs `node <script> ...args` in `cwd`; never rejects.
 * @example const { status, output } = await runNodeScript(tscPath, ['--noEmit', '-p', '.'], projectDir);
 */
export function runNodeScript(script: string, args: string[], cwd: string): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}
