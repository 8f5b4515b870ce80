// Starts the sandbox in process (port 0, in-memory store unless told otherwise, a clock that moves only when the
// test moves it) and sends raw HTTP requests to it. Every answer is checked against the spec with the same Ajv2020
// rules the clients use (src/validation.ts checkResponse): an answer the spec does not document fails the test
// that received it. The checked answers are counted per (operation, status) for the suite's gate.
import { appendFileSync } from 'node:fs';
import { expect, inject } from 'vitest';
import {
  type AdjustableClock,
  manualClock,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '../../../src/sandbox/index.js';
import { type OperationRule, operationRules } from '../../../src/sandbox/operations.js';
import { sandboxSpecs } from '../../../src/sandbox/specs.js';
import { checkResponse } from '../../../src/validation.js';

/** The sandbox's "today" in these tests: fixed, so that age and expiry rules are exact. */
export const START = Date.parse('2030-06-15T12:00:00.000Z');

export type ApiName = 'portabl' | 'identity';

const rules: Record<ApiName, OperationRule[]> = {
  portabl: operationRules(sandboxSpecs.portabl),
  identity: operationRules(sandboxSpecs.identity),
};

/** (api operationId status) → how many answers were checked against the spec in this worker. */
export const checkedAnswers = new Map<string, number>();

/** The operation a method and a concrete path address, by matching the spec's path templates. */
export function operationFor(api: ApiName, method: string, path: string): OperationRule | undefined {
  const bare = path.split('?')[0]!;
  return rules[api].find((r) => {
    if (r.method !== method.toLowerCase()) return false;
    const pattern = new RegExp(`^${r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
    return pattern.test(bare);
  });
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface TestSandbox extends Sandbox {
  clock: AdjustableClock;
  /** A raw request; `body` is sent as JSON unless `rawBody` is given. Throws if the answer breaks the spec. */
  request(
    api: ApiName,
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: unknown; rawBody?: string | Buffer },
  ): Promise<Reply>;
  /** An Identities API request with the first registered API key. */
  identity(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** A Portabl request with a bearer token for `scopes` (default: every scope granted). */
  portabl(
    method: string,
    path: string,
    body?: unknown,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<Reply>;
  /** An access token of the first Portabl client. */
  token(scopes?: string[]): Promise<string>;
}

/**
 * Starts a sandbox on the store of the project running the file: the run's PostgreSQL server in `sandbox-postgres`
 * (its global setup provides it), the embedded in-memory store elsewhere; `dataDir`, `databaseUrl` or `store` given
 * by the test win.
 */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = (options.clock as AdjustableClock | undefined) ?? manualClock(START);
  const databaseUrl = inject('sandboxDatabaseUrl');
  const ownStore = options.dataDir !== undefined || options.databaseUrl !== undefined || options.store !== undefined;
  const sandbox = await startSandbox({ ...(databaseUrl && !ownStore ? { databaseUrl } : {}), ...options, clock });
  if (!ownStore)
    expect(sandbox.store.kind, 'the store this project runs the sandbox on').toBe(databaseUrl ? 'postgres' : 'memory');
  return { ...sandbox, clock, ...sandboxClient(sandbox) };
}

export type SandboxClient = Pick<TestSandbox, 'request' | 'identity' | 'portabl' | 'token'>;

/** Requests to a sandbox at `urls` with its first credentials, each answer checked against the spec. */
export function sandboxClient(sandbox: Pick<Sandbox, 'urls' | 'credentials'>): SandboxClient {
  const request: TestSandbox['request'] = async (api, method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    let body: string | Buffer | undefined = init.rawBody;
    if (body === undefined && init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${sandbox.urls[api]}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: body as unknown as BodyInit } : {}),
    });
    const operation = operationFor(api, method, path);
    if (operation) {
      const issues = await checkResponse(sandboxSpecs[api], api, method, operation.path, response);
      expect(issues, `${operation.operationId} answered ${response.status}: ${JSON.stringify(issues)}`).toEqual([]);
      const key = `${api} ${operation.operationId} ${response.status}`;
      checkedAnswers.set(key, (checkedAnswers.get(key) ?? 0) + 1);
      // For a tally across files (each file may run in another worker): SANDBOX_ANSWERS_FILE=<file> npx vitest run tests/sandbox
      if (process.env['SANDBOX_ANSWERS_FILE']) appendFileSync(process.env['SANDBOX_ANSWERS_FILE'], `${key}\n`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
  const apiKey = sandbox.credentials.identity[0]?.apiKey ?? '';
  const client = sandbox.credentials.portabl[0] ?? { clientId: '', clientSecret: '' };
  const tokens = new Map<string, string>();
  const token: TestSandbox['token'] = async (scopes) => {
    const key = scopes ? scopes.join(' ') : '*';
    let value = tokens.get(key);
    if (!value) {
      const reply = await request('portabl', 'POST', '/provider/token', {
        body: { clientId: client.clientId, clientSecret: client.clientSecret, ...(scopes ? { scopes } : {}) },
      });
      expect(reply.status, reply.text).toBe(200);
      value = reply.body.accessToken as string;
      tokens.set(key, value);
    }
    return value;
  };
  return {
    request,
    identity: (method, path, body, headers = {}) =>
      request('identity', method, path, { headers: { apikey: apiKey, ...headers }, body }),
    portabl: async (method, path, body, opts = {}) =>
      request('portabl', method, path, {
        headers: { authorization: `Bearer ${opts.token ?? (await token())}`, ...opts.headers },
        body,
      }),
    token,
  };
}

let counter = 0;
/** A valid person (the spec's rules), with an email of its own unless given. */
export function person(overrides: Record<string, unknown> = {}): Record<string, any> {
  counter += 1;
  return {
    type: 'person',
    name: 'Maria Silva',
    email: `maria.${counter}.${Math.random().toString(36).slice(2, 8)}@example.com`,
    birthday: '1990-04-01',
    gender: 'Female',
    address: { city: 'Braga', country: 'PT', postalCode: '4700-001', street: 'Rua do Souto, 12' },
    phone: { number: '910000000', sms: true },
    tax: { country: 'PT', idNumber: '123456789' },
    ...overrides,
  };
}

/** A valid company owned by `owner`. */
export function company(owner: string, overrides: Record<string, unknown> = {}): Record<string, any> {
  const base = person();
  return {
    type: 'company',
    name: 'Silva & Filhos, Lda.',
    email: base.email.replace('maria', 'company'),
    address: base.address,
    phone: base.phone,
    tax: { country: 'PT', idNumber: '509999999', formationRegion: 'Braga' },
    identityOwner: owner,
    ...overrides,
  };
}
