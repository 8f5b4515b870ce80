// `npm run mock` (scripts/mock.mjs): its settings are checked with clear errors, it serves both bundles and answers
// their examples, prints each URL, and stops cleanly on SIGINT. Also startMocks(), which scripts/start.mjs imports.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apis, freeMockPorts } from '../../scripts/apis.mjs';
import { logLevelFromEnv, mockPortsFromEnv, parsePort, startMocks } from '../../scripts/mock.mjs';
import { repoRoot } from '../support/bundles.js';
import { documentedResponse } from './support/spec-responses.js';

const MOCK_SCRIPT = path.join(repoRoot, 'scripts', 'mock.mjs');

describe('settings', () => {
  it.each(['0', '4010', '65535', ' 4012 '])('port %j is accepted', (value) => {
    expect(parsePort('PORTABL_MOCK_PORT', value)).toBe(Number(value));
  });

  it.each(['abc', '-1', '65536', '40.5', '', '4010x'])('port %j is refused, naming the variable', (value) => {
    expect(() => parsePort('PORTABL_MOCK_PORT', value)).toThrow(`PORTABL_MOCK_PORT="${value}" is not a port`);
  });

  it("ports default to each API's mock.defaultPort in apis.json, and each variable overrides its own", () => {
    const defaults = Object.fromEntries(apis.map((api) => [api.name, api.mock.defaultPort]));
    expect(mockPortsFromEnv({})).toEqual(defaults);
    const [first, second] = apis;
    expect(mockPortsFromEnv({ [second!.mock.portEnv]: '5011' })).toEqual({
      ...defaults,
      [first!.name]: first!.mock.defaultPort,
      [second!.name]: 5011,
    });
  });

  it("the log level defaults to warn and must be one of Prism's", () => {
    expect(logLevelFromEnv({})).toBe('warn');
    expect(logLevelFromEnv({ MOCK_LOG_LEVEL: 'info' })).toBe('info');
    expect(() => logLevelFromEnv({ MOCK_LOG_LEVEL: 'loud' })).toThrow('MOCK_LOG_LEVEL="loud" is not one of');
  });
});

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe('startMocks', () => {
  it('refuses the same port for both mocks', async () => {
    await expect(startMocks({ ports: { portabl: 4599, identity: 4599 } })).rejects.toThrow(
      'both mocks asked for port 4599',
    );
  });

  it('a port in use: the error names the mock and the port, and the other mock is stopped again', async () => {
    const portablPort = await freePort();
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const identityPort = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(
        startMocks({ ports: { portabl: portablPort, identity: identityPort }, log: { write: () => true } }),
      ).rejects.toThrow(`identity: cannot listen on 127.0.0.1:${identityPort}: listen EADDRINUSE`);
      // The Portabl mock started, then was closed: its port is free again.
      const probe = net.createServer().listen(portablPort, '127.0.0.1');
      await once(probe, 'listening');
      probe.close();
    } finally {
      blocker.close();
    }
  });
});

describe('settings are checked before Prism loads', () => {
  it("a clashing port is refused before any of Prism's modules is loaded (a mistake costs no start-up)", async () => {
    // In a fresh process: this worker has long loaded Prism for the other files.
    const probe = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
         const { startMocks } = await import(${JSON.stringify(path.join(repoRoot, 'scripts', 'mock.mjs'))});
         const error = await startMocks({ ports: { portabl: 4599, identity: 4599 } }).catch((e) => e.message);
         const loaded = Object.keys(createRequire(import.meta.url).cache).filter((m) => m.includes('@stoplight'));
         console.log(JSON.stringify({ error, loaded }));`,
      ],
      { cwd: repoRoot },
    );
    let stdout = '';
    probe.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [code] = await once(probe, 'exit');
    expect(code).toBe(0);
    const { error, loaded } = JSON.parse(stdout) as { error: string; loaded: string[] };
    expect(error).toContain('both mocks asked for port 4599');
    expect(loaded).toEqual([]);
  });
});

/** Collects a child's output and waits for a line matching `pattern` (the mock prints its URLs once listening). */
function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        child.stdout.off('data', onData);
        resolve(output);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`mock exited with ${code} before printing ${pattern}: ${output}`)));
  });
}

describe('node scripts/mock.mjs', () => {
  it("prints both URLs, answers each API's example, and stops cleanly on SIGINT", async () => {
    const child = spawn(process.execPath, [MOCK_SCRIPT], {
      env: { ...process.env, ...freeMockPorts },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const printed = await waitForOutput(child, /Ctrl-C stops both/);
      const portabl = /Portabl Core API mock:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
      const identity = /Identities API mock:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
      expect(portabl).toBeDefined();
      expect(identity).toBeDefined();

      // The README's two curls.
      const token = await fetch(`${portabl}/provider/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'your-client-id', clientSecret: 'your-client-secret' }),
      });
      expect(token.status).toBe(200);
      expect(await token.json()).toEqual(
        documentedResponse('portabl', 'createAccessToken', 200)?.body?.examples[0]?.value,
      );

      const person = await fetch(`${identity}/identities/38882f21-ce8f-4e18-8b83-e43e082912ef`, {
        headers: { apikey: 'your-api-key' },
      });
      expect(person.status).toBe(200);
      expect(await person.json()).toEqual(documentedResponse('identity', 'getIdentity', 200)?.body?.examples[0]?.value);

      const exited = once(child, 'exit');
      child.kill('SIGINT');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(stderr).toBe('');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('a malformed port: exits 1 with the reason, without starting anything', async () => {
    const child = spawn(process.execPath, [MOCK_SCRIPT], { env: { ...process.env, IDENTITY_MOCK_PORT: 'eleven' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('IDENTITY_MOCK_PORT="eleven" is not a port');
  });
});
