// What a consumer installs: `npm pack` the package, install the tarball into a fresh project with the README's own
// install line (plus TypeScript), compile a file that imports both clients (a wrong body must fail to compile), and run it against a
// local server. Also checks the tarball ships only what a consumer needs, and runs arethetypeswrong on it. The install
// brings none of the sandbox's optional peers (Ajv included): the sandbox entry then imports, and startSandbox and
// the command name every missing peer in one error.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSamplesFor } from '../../scripts/docs/code-samples.mjs';
import { installLines, tarballName } from '../../scripts/docs/landing-page.mjs';
import { apiNames, loadBundle, repoRoot } from '../support/bundles.js';
import { type Finished, runNodeScript } from '../support/node-process.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  publishConfig?: object;
};
/** The README's install block: the lines the docs' landing page shows too (scripts/docs/landing-page.mjs). */
const readmeInstall = /```sh\n(npm ci && npm pack[^\n]*\nnpm install [^\n]*)\n```/.exec(
  readFileSync(path.join(repoRoot, 'README.md'), 'utf8'),
)?.[1];
/** The README's `npm install ./<tarball>` as arguments, its comment dropped. */
const installArguments = () => readmeInstall!.split('\n')[1]!.replace(/#.*$/, '').trim().split(/\s+/).slice(1);
const work = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-consumer-'));
const consumerDir = path.join(work, 'consumer');
let tarball = '';
let packedFiles: string[] = [];
let compilerStatus: number | null = null;
let compilerOutput = '';
let declarationsCheck: Finished = { status: -1, output: 'not run' };
/** The compiler's diagnostics for the files whose path starts with `prefix`. */
const diagnosticsFor = (prefix: string) => compilerOutput.split('\n').filter((line) => line.startsWith(prefix));

const TOKEN = 'fake-consumer-test-token';
const seen: { method: string; url: string; authorization?: string; apikey?: string; body: string }[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    seen.push({
      method: req.method!,
      url: req.url!,
      authorization: req.headers.authorization,
      apikey: req.headers.apikey as string | undefined,
      body,
    });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    if (req.method === 'POST' && req.url === '/portabl/provider/token') {
      return json(200, { tokenType: 'Bearer', scope: 'read:provider-users', accessToken: TOKEN, expiresIn: 3600 });
    }
    if (req.method === 'GET' && req.url === '/portabl/provider/users/4c0ac449-135d-45c8-81f3-a8e96a508c2b/settings') {
      return req.headers.authorization === `Bearer ${TOKEN}`
        ? json(200, { isSyncOn: true })
        : json(401, { code: 'unauthorized', message: 'no token' });
    }
    if (req.method === 'GET' && req.url === '/identity/identities/e7941059-74c6-4b3f-b029-d3aa03d1ea44/operations') {
      return req.headers.apikey === 'fake-consumer-api-key'
        ? json(200, { data: [{ action: 'create', active: true, code: 'deposit:stablecoin' }] })
        : json(401, { code: 'unauthorized', message: 'no apikey' });
    }
    json(404, { code: 'not_found', message: `${req.method} ${req.url}` });
  });
});

const consumerSource = (base: string) => `
import { createPortablClient } from '${pkg.name}/portabl';
import { createIdentityClient } from '${pkg.name}/identity';

const base = '${base}';
const portabl = createPortablClient({ clientId: 'fake-client-id', clientSecret: 'fake-client-secret', baseUrl: \`\${base}/portabl\` });
const identity = createIdentityClient({ apiKey: 'fake-consumer-api-key', baseUrl: \`\${base}/identity\` });

const userId = '4c0ac449-135d-45c8-81f3-a8e96a508c2b';
const settings = await portabl.GET('/provider/users/{userId}/settings', { params: { path: { userId } } });
const operations = await identity.GET('/identities/{id}/operations', {
  params: { path: { id: 'e7941059-74c6-4b3f-b029-d3aa03d1ea44' } },
});
const syncOn: boolean | undefined = settings.data?.isSyncOn;
console.log(JSON.stringify({ syncOn, operations: operations.data }));

// Never called: it exists to prove that a wrong body does not compile for a consumer.
export async function wrongBody() {
  // @ts-expect-error isSyncOn is a boolean, not a string
  await portabl.PUT('/provider/users/{userId}/settings', { params: { path: { userId } }, body: { settings: { isSyncOn: 'yes' } } });
}
`;

// The typed mock handlers (@kyc-contracts/sdk/msw) as a team's unit test uses them: clients with their default servers,
// intercepted in-process by msw/node, one answer chosen per handler and one per request.
const consumerMswSource = `
import { setupServer } from 'msw/node';
import { identityHandlers, portablHandler, portablHandlers } from '@kyc-contracts/sdk/msw';
import { createIdentityClient, unwrap } from '@kyc-contracts/sdk/identity';
import { createPortablClient } from '@kyc-contracts/sdk/portabl';

const server = setupServer(...portablHandlers(), ...identityHandlers({ answers: { getIdentity: { example: 'company' } } }));
server.listen({ onUnhandledRequest: 'error' });
server.use(portablHandler('getUserSettings', { status: 200, body: { isSyncOn: false } }));
const identity = createIdentityClient({ apiKey: 'fake-consumer-api-key' });
const portabl = createPortablClient({ clientId: 'fake-client-id', clientSecret: 'fake-client-secret', validateResponses: true });
const id = '38882f21-ce8f-4e18-8b83-e43e082912ef';
const company = unwrap(await identity.GET('/identities/{id}', { params: { path: { id } } }));
const settings = unwrap(await portabl.GET('/provider/users/{userId}/settings', { params: { path: { userId: id } } }));
const missing = await identity.GET('/identities/{id}', { params: { path: { id } }, headers: { Prefer: 'code=404' } });
server.close();
console.log(JSON.stringify({ type: company.data.type, isSyncOn: settings.isSyncOn, missing: [missing.response.status, missing.error?.code] }));

// Never called: a status the spec does not document for the operation does not compile.
export function wrongStatus() {
  // @ts-expect-error getUserSettings documents no 418
  return portablHandler('getUserSettings', { status: 418 });
}
`;

/** The sandbox's optional peer dependencies, which the README's install line must not bring. */
const SANDBOX_PEERS = ['fastify', 'qs', 'jose', 'ajv', 'ajv-formats', 'sql.js', 'pg', 'proper-lockfile'];
/** Those startSandbox() needs with its defaults (the embedded store in memory), in the order it names them. */
const DEFAULT_SANDBOX_PEERS = ['fastify', 'qs', 'jose', 'ajv', 'ajv-formats', 'sql.js'];

// A team that installed the package for the clients tries the sandbox: importing it works, starting it names what
// to install.
const consumerSandboxSource = `
import { SandboxDependencyError, startSandbox } from '@kyc-contracts/sdk/sandbox';
try {
  const sandbox = await startSandbox();
  await sandbox.close();
  console.log(JSON.stringify({ started: true }));
} catch (error) {
  console.log(JSON.stringify({
    dependencyError: error instanceof SandboxDependencyError,
    packageName: error.packageName,
    packageNames: error.packageNames,
    message: error.message,
  }));
}
`;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mkdirSync(consumerDir);
  // Build explicitly, then pack without lifecycle scripts: --json must own stdout (prepack does the same build for
  // a real `npm pack` or publish).
  execFileSync(npm, ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', consumerDir], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )[0];
  tarball = path.join(consumerDir, packed.filename);
  packedFiles = packed.files.map((f: { path: string }) => f.path).sort();
  console.log(
    `packed ${packed.filename}: ${packed.files.length} files, ${packed.size} bytes (unpacked ${packed.unpackedSize})`,
  );
  console.log(packedFiles.join('\n'));

  writeFileSync(
    path.join(consumerDir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const { port } = server.address() as AddressInfo;
  writeFileSync(path.join(consumerDir, 'consumer.ts'), consumerSource(`http://127.0.0.1:${port}`));
  writeFileSync(path.join(consumerDir, 'consumer-msw.ts'), consumerMswSource);
  writeFileSync(path.join(consumerDir, 'consumer-sandbox.mjs'), consumerSandboxSource);
  // The docs' code samples, as a partner copies them, compiled against the installed package (not src/).
  const sampleFiles = apiNames.flatMap((api) =>
    codeSamplesFor(api, loadBundle(api)).map((sample, i) => {
      const file = `samples/${api}-${String(i).padStart(2, '0')}-${sample.operationId ?? sample.method}.ts`;
      mkdirSync(path.join(consumerDir, 'samples'), { recursive: true });
      writeFileSync(path.join(consumerDir, file), sample.source);
      return file;
    }),
  );
  // The consumer and the samples compile in one program with the settings `tsc --init` writes (skipLibCheck on, as
  // most projects have it): checking every dependency's declarations, msw's type-fest above all, cost ~10 s of CPU
  // and judges other packages, not ours. Our own declarations are checked in a second, strict program beside it:
  // the client entries with skipLibCheck off, as a project that never skips them compiles them.
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    lib: ['ES2022', 'DOM'],
    types: [],
  };
  writeFileSync(
    path.join(consumerDir, 'tsconfig.json'),
    JSON.stringify({
      // rootDir keeps out/consumer.js where the run test expects it.
      compilerOptions: { ...compilerOptions, skipLibCheck: true, outDir: 'out', rootDir: '.' },
      files: ['consumer.ts', 'consumer-msw.ts', ...sampleFiles],
    }),
  );
  writeFileSync(
    path.join(consumerDir, 'declarations.ts'),
    `export type * as Portabl from '${pkg.name}/portabl';\nexport type * as Identity from '${pkg.name}/identity';\n`,
  );
  writeFileSync(
    path.join(consumerDir, 'tsconfig.declarations.json'),
    JSON.stringify({
      // TypeScript's own lib files are not the package's: skipDefaultLibCheck leaves them out.
      compilerOptions: { ...compilerOptions, skipLibCheck: false, skipDefaultLibCheck: true, noEmit: true },
      files: ['declarations.ts'],
    }),
  );
  // The README's install line, as a partner runs it in the folder that holds the tarball (TypeScript added).
  execFileSync(
    npm,
    [...installArguments(), 'typescript@5.9.3', 'msw@2.15.0', '--no-audit', '--no-fund', '--prefer-offline'],
    {
      cwd: consumerDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tsc = (project: string) =>
    runNodeScript(path.join(consumerDir, 'node_modules', 'typescript', 'bin', 'tsc'), ['-p', project], consumerDir);
  // Two compilers at once: each mostly waits on its own start-up.
  const [consumer, declarations] = await Promise.all([tsc('tsconfig.json'), tsc('tsconfig.declarations.json')]);
  compilerStatus = consumer.status;
  compilerOutput = consumer.output;
  declarationsCheck = declarations;
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe('the install line', () => {
  it('is the same in the README and the docs, and names the tarball npm pack writes', () => {
    expect(readmeInstall).toBe(installLines(pkg));
    expect(path.basename(tarball)).toBe(tarballName(pkg));
    expect(installArguments()).toEqual(['install', `./${tarballName(pkg)}`]);
  });

  it('installs the package under its scoped name, which publishConfig publishes', () => {
    expect(pkg.name).toMatch(/^@[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(pkg.publishConfig).toMatchObject({ access: 'restricted' });
    const installed = JSON.parse(
      readFileSync(path.join(consumerDir, 'node_modules', ...pkg.name.split('/'), 'package.json'), 'utf8'),
    );
    expect(installed.name).toBe(pkg.name);
  });

  it('the README imports the clients by the package name', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const imported = [...readme.matchAll(/from '([^']+)\/(portabl|identity)'/g)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    expect(new Set(imported)).toEqual(new Set([pkg.name]));
  });
});

describe('the packed package', () => {
  it('ships compiled JavaScript, declarations and the bundled specs, and no sources or tests', () => {
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain('dist/src/portabl/index.js');
    expect(packedFiles).toContain('dist/src/portabl/index.d.ts');
    expect(packedFiles).toContain('dist/src/identity/index.js');
    expect(packedFiles).toContain('dist/src/identity/index.d.ts');
    expect(packedFiles).toContain('dist/src/msw/index.js');
    expect(packedFiles).toContain('dist/generated/portabl/openapi.json');
    expect(packedFiles).toContain('dist/generated/identity/openapi.json');
    // Each spec ships once as JSON (the copy the clients import) and once as YAML; type-only modules emit no code.
    expect(
      packedFiles.filter(
        (f) => (/^generated\/.*\.json$/.test(f) && !f.endsWith('.dereferenced.json')) || f.endsWith('schema.js'),
      ),
    ).toEqual([]);
    // The dereferenced JSONs (no $ref, for tools that cannot follow one) ship beside the bundles.
    expect(packedFiles).toContain('generated/portabl/openapi.dereferenced.json');
    expect(packedFiles).toContain('generated/identity/openapi.dereferenced.json');
    expect(packedFiles).toContain('CHANGELOG.md');
    const unwanted = packedFiles.filter(
      (f) => /^(specs|tests|scripts|src)\//.test(f) || f.endsWith('.test.ts') || /(^|\/)node_modules\//.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('compiles a consumer that imports both clients, with a wrong body rejected by @ts-expect-error', () => {
    expect(diagnosticsFor('consumer.ts')).toEqual([]);
    expect(compilerStatus, compilerOutput).toBe(0);
  });

  it("type-checks the clients' declarations as a strict project does (skipLibCheck off)", () => {
    expect(declarationsCheck.output.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
    expect(declarationsCheck.status, declarationsCheck.output).toBe(0);
  });

  // Each sample file is named after its operation, so a failure names the operation.
  it('compiles every docs code sample against the installed package', () => {
    expect(diagnosticsFor('samples/')).toEqual([]);
    expect(compilerStatus, compilerOutput).toBe(0);
  });

  it('runs the compiled consumer against a local server: token, bearer call and apikey call', async () => {
    seen.length = 0;
    // Asynchronous on purpose: the local server lives in this process and must keep answering meanwhile.
    const { stdout: out } = await promisify(execFile)(process.execPath, ['out/consumer.js'], {
      cwd: consumerDir,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({
      syncOn: true,
      operations: { data: [{ action: 'create', active: true, code: 'deposit:stablecoin' }] },
    });
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /portabl/provider/token',
      'GET /portabl/provider/users/4c0ac449-135d-45c8-81f3-a8e96a508c2b/settings',
      'GET /identity/identities/e7941059-74c6-4b3f-b029-d3aa03d1ea44/operations',
    ]);
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ clientId: 'fake-client-id', clientSecret: 'fake-client-secret' });
  });

  it('compiles and runs a consumer test of both clients against the @kyc-contracts/sdk/msw handlers, no server', async () => {
    expect(diagnosticsFor('consumer-msw.ts')).toEqual([]);
    const { stdout: out } = await promisify(execFile)(process.execPath, ['out/consumer-msw.js'], {
      cwd: consumerDir,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ type: 'company', isSyncOn: false, missing: [404, 'identity_not_found'] });
  });

  it("installs none of the sandbox's optional peers: no Ajv, no server packages", () => {
    const installed = SANDBOX_PEERS.filter((name) => existsSync(path.join(consumerDir, 'node_modules', name)));
    expect(installed).toEqual([]);
    // The clients compiled and ran above without them: their validators were compiled at build time.
    const lock = JSON.parse(readFileSync(path.join(consumerDir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const locked = Object.keys(lock.packages).filter((key) =>
      SANDBOX_PEERS.some((name) => key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`)),
    );
    expect(locked).toEqual([]);
  });

  it('imports the sandbox without its peers, and startSandbox() names every missing one in one error', async () => {
    const { stdout: out } = await promisify(execFile)(process.execPath, ['consumer-sandbox.mjs'], {
      cwd: consumerDir,
      encoding: 'utf8',
    });
    const result = JSON.parse(out);
    expect(result).toMatchObject({
      dependencyError: true,
      packageName: 'fastify',
      packageNames: DEFAULT_SANDBOX_PEERS,
    });
    expect(result.message).toContain('"fastify" (the sandbox HTTP server)');
    expect(result.message).toContain('"ajv" (');
    expect(result.message).toContain(`npm install --save-dev ${DEFAULT_SANDBOX_PEERS.join(' ')}`);
  });

  it('the kyc-contracts-sandbox command prints that error and exits 1, without a stack trace', async () => {
    const bin = path.join(consumerDir, 'node_modules', '.bin', 'kyc-contracts-sandbox');
    // Free ports, in case a regression let it start; the timeout only bounds such a regression.
    const run = await promisify(execFile)(bin, [], {
      cwd: consumerDir,
      encoding: 'utf8',
      env: { ...process.env, SANDBOX_PORTABL_PORT: '0', SANDBOX_IDENTITY_PORT: '0' },
      timeout: 60_000,
    }).then(
      (done) => ({ code: 0, stderr: done.stderr }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim()).toMatch(/^✖ sandbox: the sandbox needs 6 packages that are not installed: "fastify"/);
    expect(run.stderr).toContain(`npm install --save-dev ${DEFAULT_SANDBOX_PEERS.join(' ')}`);
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
  });

  it('resolves the specs export for a consumer', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import s from '${pkg.name}/specs/identity.json' with { type: 'json' }; console.log(s.openapi)`,
      ],
      { cwd: consumerDir, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('3.1.0');
  });

  it('resolves the dereferenced specs for a consumer: no $ref left, the version in info', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import p from '@kyc-contracts/sdk/specs/portabl.dereferenced.json' with { type: 'json' }; import i from '@kyc-contracts/sdk/specs/identity.dereferenced.json' with { type: 'json' }; console.log(JSON.stringify([p, i].map((d) => ({ version: d.info.version, refs: JSON.stringify(d).includes('\"$ref\"') }))))",
      ],
      { cwd: consumerDir, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(apiNames.map((api) => ({ version: loadBundle(api).info.version, refs: false })));
  });

  it('passes arethetypeswrong for ESM consumers', () => {
    const attw = spawnSync(
      path.join(repoRoot, 'node_modules', '.bin', 'attw'),
      [
        tarball,
        '--profile',
        'esm-only',
        // The YAML bundles are exported for tools that read files (fs, Redocly, Prism), not as importable modules.
        '--exclude-entrypoints',
        'specs/portabl.yaml',
        'specs/identity.yaml',
        '--format',
        'table-flipped',
      ],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(attw.status, attw.stdout + attw.stderr).toBe(0);
  });
});
