// Runs a command from node_modules/.bin with telemetry off and fails loudly with the command line.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './apis.mjs';

export function run(bin, args, { capture = false } = {}) {
  const exe = path.join(repoRoot, 'node_modules', '.bin', bin);
  const result = spawnSync(exe, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${bin} ${args.join(' ')}: ${result.error.message}`);
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export function runOrExit(bin, args) {
  const { status } = run(bin, args);
  if (status !== 0) {
    console.error(`\n✖ ${bin} ${args.join(' ')} exited with ${status}`);
    process.exit(status);
  }
}

/** Like run(), without blocking: resolves with the exit status and the captured output. */
export function runAsync(bin, args) {
  const exe = path.join(repoRoot, 'node_modules', '.bin', bin);
  return new Promise((resolve) => {
    const child = spawn(exe, args, {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const command = `${bin} ${args.join(' ')}`;
    child.on('error', (error) => resolve({ command, status: 1, stdout, stderr: `${stderr}${error.message}\n` }));
    child.on('close', (status) => resolve({ command, status: status ?? 1, stdout, stderr }));
  });
}
