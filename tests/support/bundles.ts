// Test access to the committed bundles and a shared validator per API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { apiNames as registryApiNames } from '../../scripts/apis.mjs';
import { operationsOf as documentOperations } from '../../src/openapi/document.js';
import { createSpecValidator, type SpecValidator } from '../../src/spec-validator.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The APIs the package has code for (clients, sandbox, MSW handlers): the keys of the sandbox's specs. */
export type ApiName = keyof typeof import('../../src/sandbox/specs.js').sandboxSpecs;
/** The APIs of apis.json (scripts/apis.mjs), in its order. */
export const apiNames = registryApiNames as readonly ApiName[];

// A loose view of an OpenAPI document: enough to walk it in tests.
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, any>>;
  components?: Record<string, Record<string, any>>;
  [key: string]: unknown;
};

export { HTTP_METHODS } from '../../src/openapi/document.js';

const documents = new Map<ApiName, OpenApiDocument>();
const validators = new Map<ApiName, SpecValidator>();

/**
 * Where the bundles under test live: in the `unit` project, a fresh bundle of specs/ made by its global setup
 * (tests/support/fresh-bundles.setup.ts); elsewhere (contract, docs), the committed generated/ that the mocks and
 * the docs are built from.
 */
export function bundleDir(): string {
  return inject('freshBundleDir') ?? path.join(repoRoot, 'generated');
}

export function loadBundle(api: ApiName): OpenApiDocument {
  let doc = documents.get(api);
  if (!doc) {
    doc = JSON.parse(readFileSync(path.join(bundleDir(), api, 'openapi.json'), 'utf8')) as OpenApiDocument;
    documents.set(api, doc);
  }
  return doc;
}

export function validatorFor(api: ApiName): SpecValidator {
  let v = validators.get(api);
  if (!v) {
    v = createSpecValidator(loadBundle(api), `https://kyc-contracts.invalid/${api}.json`);
    validators.set(api, v);
  }
  return v;
}

/** Every operation of a bundle with its method, path and object. */
export function operationsOf(api: ApiName) {
  return documentOperations(loadBundle(api));
}

/** Validates against a named component schema: `componentErrors('identity', 'CreateIdentityRequest', body)`. */
export function componentIssues(api: ApiName, schemaName: string, value: unknown) {
  return validatorFor(api).validate(`#/components/schemas/${schemaName}`, value);
}
