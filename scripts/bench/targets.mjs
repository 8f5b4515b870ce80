// Starts benchmark targets as child processes on 127.0.0.1 and stops them; each resolves to its URL once listening.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { apiNamed, bundlePath, repoRoot } from '../apis.mjs';

const READY_TIMEOUT_MS = 60_000;

/** A free port on 127.0.0.1, for the one program that cannot be given port 0 (the Prism CLI). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/** Waits for `pattern` on the child's stdout; its first group is the URL. */
function waitForUrl(child, name, pattern) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => fail(new Error(`${name}: not listening after ${READY_TIMEOUT_MS / 1000} s`)),
      READY_TIMEOUT_MS,
    );
    const fail = (error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        // Keep draining: a child whose stdout pipe fills up would stall mid-benchmark.
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve(match[1]);
      }
    });
    child.once('exit', (code) =>
      fail(new Error(`${name} exited (${code}) before listening: ${err.trim() || out.trim()}`)),
    );
  });
}

/**
 * @param {'bare' | 'mock' | 'stock' | 'sandbox'} kind
 * @returns {Promise<{ name: string, url: string, stop(): Promise<void> }>}
 */
export async function startTarget(kind) {
  let child;
  let pattern = /LISTENING (\S+)/;
  if (kind === 'stock') {
    const port = await freePort();
    const cli = path.join(repoRoot, 'node_modules/@stoplight/prism-cli/dist/index.js');
    child = spawn(
      process.execPath,
      [cli, 'mock', '-h', '127.0.0.1', '-p', String(port), bundlePath(apiNamed('identity'), 'yaml')],
      {
        cwd: repoRoot,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    pattern = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/;
  } else {
    child = spawn(process.execPath, [path.join(repoRoot, 'scripts/bench/serve-target.mjs'), kind], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }
  const url = await waitForUrl(child, kind, pattern);
  child.stderr.resume();
  return {
    name: kind,
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
        child.kill('SIGTERM');
      }),
  };
}
