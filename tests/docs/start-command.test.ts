// `npm start` (scripts/start.mjs), the README's main command: both mocks and the docs come up on 127.0.0.1, the
// three URLs are printed, each answers, and Ctrl-C (SIGINT) stops everything with exit code 0.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiNamed, freeMockPorts } from '../../scripts/apis.mjs';
import { repoRoot } from '../support/bundles.js';

const script = path.join(repoRoot, 'scripts', 'start.mjs');

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the output contains `marker`, rejects if the process exits first. */
function waitFor(run: ReturnType<typeof start>, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (run.output().includes(marker)) {
        run.child.stdout!.off('data', check);
        resolve(run.output());
      }
    };
    run.child.stdout!.on('data', check);
    check();
    void run.exited.then((code) =>
      reject(new Error(`start.mjs exited with ${code} before "${marker}":\n${run.output()}`)),
    );
  });
}

describe('npm start', () => {
  let run: ReturnType<typeof start>;
  let urls: { portabl: string; identity: string; docs: string };

  beforeAll(async () => {
    run = start({
      ...freeMockPorts,
      SANDBOX_PORTABL_PORT: '0',
      SANDBOX_IDENTITY_PORT: '0',
      DOCS_PORT: '0',
      MOCK_LOG_LEVEL: 'silent',
    });
    const text = await waitFor(run, 'Press Ctrl-C to stop.');
    const url = (label: string) => {
      const m = new RegExp(`${label}\\s+(http://127\\.0\\.0\\.1:\\d+/?)`).exec(text);
      if (!m) throw new Error(`no "${label}" URL in:\n${text}`);
      return m[1]!.replace(/\/$/, '');
    };
    urls = {
      portabl: url(`${apiNamed('portabl').title} mock`),
      identity: url(`${apiNamed('identity').title} mock`),
      docs: url('API docs'),
    };
  });
  afterAll(() => {
    if (run.child.exitCode === null) run.child.kill('SIGKILL');
  });

  it('prints three loopback URLs on distinct ports', () => {
    expect(new Set(Object.values(urls).map((u) => new URL(u).port)).size).toBe(3);
  });

  it('serves the Portabl mock: POST /provider/token answers the spec example', async () => {
    const res = await fetch(`${urls.portabl}/provider/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'your-client-id', clientSecret: 'your-client-secret' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ tokenType: 'Bearer', accessToken: 'fake.access.token-for-examples-only' });
  });

  it('serves the Identities mock: GET /identities/{id} with an apikey answers 200 {data}', async () => {
    const res = await fetch(`${urls.identity}/identities/38882f21-ce8f-4e18-8b83-e43e082912ef`, {
      headers: { apikey: 'your-api-key' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { id: '38882f21-ce8f-4e18-8b83-e43e082912ef' } });
  });

  it('serves the sandbox, with the demo API key it printed', async () => {
    const identity = /Identities API sandbox (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())?.[1];
    const apiKey = /apikey=(\S+)/.exec(run.output())?.[1];
    const res = await fetch(`${identity}/identities`, { headers: { apikey: apiKey! } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ total: 0, data: [] });
  });

  it('serves the docs: the landing page and both references', async () => {
    for (const page of ['/', '/portabl.html', '/identity.html']) {
      const res = await fetch(`${urls.docs}${page}`);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type'), page).toMatch(/^text\/html/);
    }
  });

  it('stops all three on SIGINT with exit code 0', async () => {
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    const refused = await Promise.allSettled(Object.values(urls).map((u) => fetch(u)));
    expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});

describe('npm start with a bad setting', () => {
  it('refuses DOCS_PORT=abc with a message naming the variable, before starting anything', async () => {
    const run = start({ DOCS_PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('DOCS_PORT="abc" is not a port');
    expect(run.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});
