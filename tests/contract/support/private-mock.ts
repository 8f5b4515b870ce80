// A Prism mock a test file starts for itself, for tests about the mock's own behaviour (its blind spots): they hold
// whatever server the rest of the suite targets, so they run the same against the mock or a real deployment.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { type RunningPrism, startPrism } from '../../../scripts/mock/prism.mjs';
import { bundlePath } from '../../../scripts/mock.mjs';
import type { ApiName } from '../../support/bundles.js';

export interface MockSettings {
  /** false: stock `prism mock --errors`, without the fixes of scripts/mock/workarounds.mjs. Default true, as served. */
  workarounds?: boolean;
}

/** Starts Prism on a free port for `document`, logging into the run folder as prism-<name>.log. */
export async function startPrivateMock(
  name: string,
  document: string,
  { workarounds = true }: MockSettings = {},
): Promise<RunningPrism> {
  const log = createWriteStream(path.join(inject('contractRunDir'), `prism-${name}.log`), { flags: 'a' });
  const prism = await startPrism({ name, document, log, workarounds });
  return {
    ...prism,
    close: async () => {
      await prism.close();
      await new Promise((resolve) => log.end(resolve));
    },
  };
}

/** Prism serving one of the bundles, as `npm run mock` serves it (or stock, with `workarounds: false`). */
export function startBundleMock(api: ApiName, settings: MockSettings = {}): Promise<RunningPrism> {
  const variant = settings.workarounds === false ? 'stock' : 'served';
  return startPrivateMock(`${api}-${variant}-${process.pid}`, bundlePath(api), settings);
}

export interface StockAndServed {
  /** Stock `prism mock --errors`, without our workarounds. */
  stock: RunningPrism;
  /** Prism as `npm run mock` serves it. */
  served: RunningPrism;
}

/**
 * Stock Prism and our mock of the same bundle, side by side, for the calling describe block: started before its
 * tests, stopped after them. The fields are filled once the block's beforeAll has run.
 */
export function stockAndServedMocks(api: ApiName): StockAndServed {
  const mocks = {} as StockAndServed;
  beforeAll(async () => {
    [mocks.stock, mocks.served] = await Promise.all([
      startBundleMock(api, { workarounds: false }),
      startBundleMock(api),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mocks.stock?.close(), mocks.served?.close()]);
  });
  return mocks;
}

/** Writes an OpenAPI document (e.g. a fixture with one change) into the run folder and mocks it. */
export async function startDocumentMock(
  name: string,
  document: object,
  settings: MockSettings = {},
): Promise<RunningPrism> {
  const file = path.join(inject('contractRunDir'), `${name}.json`);
  await writeFile(file, JSON.stringify(document, null, 2));
  return startPrivateMock(name, file, settings);
}

export interface Violation {
  location: string[];
  severity: string;
  code: string;
  message: string;
}

export interface RawAnswer {
  status: number;
  contentType: string | null;
  body: unknown;
  /**
   * What Prism found wrong with the request, located from the request down (`['body', 'address']`): read from its
   * `sl-violations` header when it answered with one of the spec's responses, or from the `validation` member of the
   * problem+json it generates when the spec has no response for an invalid request.
   */
  violations: Violation[];
}

/** One plain HTTP request to a mock, answered with status, parsed body and Prism's violations. */
export async function send(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${pathAndQuery}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: parsed,
    violations: violationsOf(response.headers.get('sl-violations'), parsed),
  };
}

function violationsOf(header: string | null, body: unknown): Violation[] {
  if (header) {
    // Header entries cover request and response; keep the request's, located without the "request" prefix.
    return (JSON.parse(header) as Violation[])
      .filter((v) => v.location[0] === 'request')
      .map((v) => ({ ...v, location: v.location.slice(1) }));
  }
  const generated = (body as { validation?: Violation[] } | undefined)?.validation;
  return Array.isArray(generated) ? generated : [];
}

/** "body.address required": how tests name what Prism found wrong (location, then the JSON Schema keyword). */
export const violationPaths = (answer: RawAnswer) => answer.violations.map((v) => `${v.location.join('.')} ${v.code}`);
