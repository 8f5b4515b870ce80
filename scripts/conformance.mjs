// npm run conformance -- --target mock|sandbox|<url> [--api portabl|identity] [--seed N] [--requests N]
//                        [--time-limit SECONDS] [--operation ID] [--har FILE]
// Generates requests from the bundled specs with fast-check, sends them to the target, judges every answer by the
// Schemathesis-named checks, prints each failure shrunk to a curl command, one line per check, `N passed, N failed`,
// and the coverage the traffic reached. Exits 1 when a check failed. Credentials: the CONTRACT_* variables of the
// contract suite (README, "Contract tests").
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { apiNames } from './apis.mjs';
import { coverageOf, formatCoverage } from './conformance/coverage.mjs';
import { formatSummary } from './conformance/report.mjs';
import { runConformance } from './conformance/runner.mjs';
import { apiTarget, deploymentSettings, MOCK_CREDENTIALS } from './conformance/targets.mjs';

const APIS = apiNames;

const USAGE = `usage: npm run conformance -- --target mock|sandbox|<url> [--api portabl|identity] [--seed N]
                       [--requests N] [--time-limit SECONDS] [--operation ID] [--har FILE]
  --target mock      both Prism mocks, started on free ports of 127.0.0.1 and stopped at the end
  --target sandbox   the in-process sandbox (stateful: also use_after_free, ensure_resource_availability)
  --target <url>     a deployment of the API named by --api, credentials from CONTRACT_* variables
  --target env       each API whose CONTRACT_<API>_URL is set
  --seed N           replay a run exactly (default: a random seed, printed)
  --requests N       requests per operation and kind (valid, negative, without credential); default 50
  --time-limit S     stop generating after S seconds; default 300
  --operation ID     only this operation (repeatable)
  --har FILE         write every request and answer as HAR 1.2 (credentials redacted)`;

/**
 * Reads the command line.
 * @param {string[]} argv
 * @returns {{target: string, api: string | undefined, seed: number, requests: number, timeLimitS: number, har: string | undefined, seedGiven: boolean, operations: string[] | undefined}}
 *   `operations`: the operationIds given with --operation, undefined for all
 * @throws {Error} naming the bad option
 */
export function parseCommandLine(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      target: { type: 'string' },
      api: { type: 'string' },
      seed: { type: 'string' },
      requests: { type: 'string' },
      'time-limit': { type: 'string' },
      har: { type: 'string' },
      operation: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  if (!values.target) throw new Error(`--target is required\n${USAGE}`);
  if (values.api !== undefined && !APIS.includes(values.api))
    throw new Error(`--api ${values.api}: give one of ${APIS.join(', ')}`);
  const integer = (name, text, min, max) => {
    if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max)
      throw new Error(`--${name} ${text}: give an integer from ${min} to ${max}`);
    return Number(text);
  };
  const seedGiven = values.seed !== undefined;
  return {
    target: values.target,
    api: values.api,
    seed: seedGiven ? integer('seed', values.seed, -(2 ** 31), 2 ** 31 - 1) : (Math.random() * 2 ** 31) | 0,
    seedGiven,
    requests: values.requests === undefined ? 50 : integer('requests', values.requests, 1, 100_000),
    timeLimitS: values['time-limit'] === undefined ? 300 : integer('time-limit', values['time-limit'], 1, 86_400),
    har: values.har,
    operations: values.operation,
  };
}

/**
 * Starts (or names) the target and returns the runner's view of each API with a close().
 * @returns {Promise<{apis: import('./conformance/runner.mjs').ApiTarget[], close(): Promise<void>}>}
 */
export async function openTarget(options, env = process.env) {
  const selected = options.api ? [options.api] : APIS;
  if (options.target === 'mock') {
    const { startMocks } = await import('./mock.mjs');
    const mocks = await startMocks({ ports: 0, logLevel: 'silent', log: { write: () => true } });
    try {
      const behaviour = { wrongCredentials: false, stateful: false };
      const apis = [];
      for (const api of selected) apis.push(await apiTarget(api, mocks.urls[api], MOCK_CREDENTIALS, behaviour));
      return { apis, close: mocks.close };
    } catch (error) {
      await mocks.close();
      throw error;
    }
  }
  if (options.target === 'sandbox') {
    const { openSandboxTarget } = await import('./conformance/sandbox-target.mjs');
    return openSandboxTarget(selected);
  }
  const behaviour = { wrongCredentials: true, stateful: true };
  if (options.target === 'env') {
    const named = selected.filter((api) => env[api === 'portabl' ? 'CONTRACT_PORTABL_URL' : 'CONTRACT_IDENTITY_URL']);
    if (named.length === 0)
      throw new Error('--target env: set CONTRACT_PORTABL_URL and/or CONTRACT_IDENTITY_URL (with their credentials)');
    const apis = [];
    for (const api of named) {
      const { baseUrl, credentials } = deploymentSettings(api, env);
      apis.push(await apiTarget(api, baseUrl, credentials, behaviour));
    }
    return { apis, close: async () => {} };
  }
  if (!options.api)
    throw new Error(`--target ${options.target}: a URL serves one API; add --api portabl or --api identity`);
  const { baseUrl, credentials } = deploymentSettings(options.api, env, options.target);
  return { apis: [await apiTarget(options.api, baseUrl, credentials, behaviour)], close: async () => {} };
}

async function main() {
  const options = parseCommandLine(process.argv.slice(2));
  console.log(
    `conformance: target ${options.target}, seed ${options.seed}${options.seedGiven ? '' : ' (replay with --seed ' + options.seed + ')'}, ${options.requests} requests per operation and kind, time limit ${options.timeLimitS} s`,
  );
  const target = await openTarget(options);
  let result;
  try {
    result = await runConformance({
      apis: target.apis,
      seed: options.seed,
      requestsPerOperation: options.requests,
      timeCapMs: options.timeLimitS * 1000,
      operations: options.operations,
      log: (line) => console.log(line),
    });
  } finally {
    await target.close();
  }
  console.log(`\n${formatSummary(result)}\n`);
  for (const api of target.apis) {
    console.log(
      formatCoverage(
        api.name,
        coverageOf(
          api.doc,
          api.baseUrl,
          result.exchanges.filter((e) => e._api === api.name),
        ),
      ),
    );
  }
  if (options.har) {
    writeFileSync(
      options.har,
      JSON.stringify(
        {
          log: {
            version: '1.2',
            creator: { name: 'kyc-contracts conformance', version: '1' },
            entries: result.exchanges,
          },
        },
        null,
        1,
      ),
    );
    console.log(`HAR: ${options.har}`);
  }
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
