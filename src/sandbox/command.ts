// The `kyc-contracts-sandbox` command and `npm run sandbox`: settings from the environment, one line per API once it
// listens, the demo credentials when none were configured, and a clean stop on SIGINT/SIGTERM.
import { parseStartTime } from './clock.js';
import { readCredentialsFile } from './credentials.js';
import { type Sandbox, type SandboxOptions, startSandbox } from './index.js';
import { parseRateLimit } from './rate-limit.js';
import { isPositiveInteger, specFact } from './spec-facts.js';
import { sandboxSpecs } from './specs.js';

type Env = Record<string, string | undefined>;

/** The port setting and default port each spec states in `x-sandbox` (SANDBOX_PORTABL_PORT 4020, SANDBOX_IDENTITY_PORT 4021). */
function portOf(api: 'portabl' | 'identity'): { name: string; fallback: number } {
  return {
    name: specFact<string>(
      sandboxSpecs[api],
      '#/x-sandbox/portSetting',
      (v) => typeof v === 'string',
      'x-sandbox.portSetting',
    ),
    fallback: specFact<number>(
      sandboxSpecs[api],
      '#/x-sandbox/defaultPort',
      isPositiveInteger,
      'x-sandbox.defaultPort',
    ),
  };
}

function port(env: Env, { name, fallback }: { name: string; fallback: number }): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new Error(`${name}="${value}" is not a port (0..65535; 0 picks a free one)`);
  return Number(value);
}

/**
 * Reads the sandbox's settings: SANDBOX_PORTABL_PORT (4020), SANDBOX_IDENTITY_PORT (4021), SANDBOX_CREDENTIALS (a
 * JSON file), DATABASE_URL, SANDBOX_DATA_DIR, SANDBOX_RATE_LIMIT (`<requests>/<seconds>`), SANDBOX_START_TIME
 * (RFC 3339), SANDBOX_SIGNING_KEY (32+ characters), SANDBOX_TOKEN_EXPIRES_IN (seconds). Throws naming the variable
 * that is malformed.
 */
export function sandboxOptionsFromEnv(env: Env = process.env): SandboxOptions {
  const options: SandboxOptions = {
    portablPort: port(env, portOf('portabl')),
    identityPort: port(env, portOf('identity')),
  };
  if (env['SANDBOX_CREDENTIALS']) options.credentials = readCredentialsFile(env['SANDBOX_CREDENTIALS']);
  if (env['DATABASE_URL']) options.databaseUrl = env['DATABASE_URL'];
  if (env['SANDBOX_DATA_DIR']) options.dataDir = env['SANDBOX_DATA_DIR'];
  const rateLimit = parseRateLimit(env['SANDBOX_RATE_LIMIT']);
  if (rateLimit) options.rateLimit = rateLimit;
  const start = parseStartTime(env['SANDBOX_START_TIME']);
  if (start !== undefined) options.startTime = start;
  if (env['SANDBOX_SIGNING_KEY'] !== undefined) {
    if (env['SANDBOX_SIGNING_KEY'].length < 32) throw new Error('SANDBOX_SIGNING_KEY must be at least 32 characters');
    options.signingKey = env['SANDBOX_SIGNING_KEY'];
  }
  const ttl = env['SANDBOX_TOKEN_EXPIRES_IN'];
  if (ttl !== undefined && ttl !== '') {
    if (!/^[1-9]\d{0,7}$/.test(ttl) || Number(ttl) > 31536000)
      throw new Error(`SANDBOX_TOKEN_EXPIRES_IN="${ttl}" must be 1..31536000 seconds`);
    options.tokenExpiresIn = Number(ttl);
  }
  return options;
}

/** The lines the command prints once both APIs listen: `<API title> sandbox <url>`, then the demo credentials. */
export function describeSandbox(sandbox: Sandbox): string {
  const title = (api: 'portabl' | 'identity') =>
    (sandboxSpecs[api] as unknown as { info: { title: string } }).info.title;
  const lines = [
    `${title('portabl')} sandbox ${sandbox.urls.portabl}`,
    `${title('identity')} sandbox ${sandbox.urls.identity}`,
  ];
  if (sandbox.demoCredentials) {
    const client = sandbox.credentials.portabl[0]!;
    lines.push(
      `  demo Portabl client: clientId=${client.clientId} clientSecret=${client.clientSecret}`,
      `  demo Identities API key: apikey=${sandbox.credentials.identity[0]!.apiKey}`,
      '  (generated for this run; set SANDBOX_CREDENTIALS=<file> to register your own)',
    );
  }
  lines.push(`  store: ${sandbox.store.kind}`);
  return lines.join('\n');
}

/** Runs the command: starts the sandbox, prints where, stops on SIGINT/SIGTERM. Exits 1 naming a bad setting. */
export async function runSandboxCommand(env: Env = process.env): Promise<void> {
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(sandboxOptionsFromEnv(env));
  } catch (error) {
    console.error(`✖ sandbox: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(describeSandbox(sandbox));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await sandbox.close();
    console.log(`${signal}: sandbox stopped`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
