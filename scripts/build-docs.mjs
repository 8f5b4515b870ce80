// Builds the API docs: generated/docs/<api>.html (one self-contained Redoc page per API, from the bundle enriched
// with a TypeScript code sample per operation) and generated/docs/index.html (the landing page).
//   node scripts/build-docs.mjs [--out <dir>] [--api <name>]
// Reads <out>/<api>/openapi.yaml (run scripts/bundle.mjs first) and writes <out>/docs/. The bundles themselves are
// not modified. Output is byte-for-byte reproducible: the drift test rebuilds it and compares.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { apis, outDirFromArgs, repoRoot, selectedApis } from './apis.mjs';
import { SAMPLE_LABEL, SAMPLE_LANG, withCodeSamples } from './docs/code-samples.mjs';
import { CURL_LABEL } from './docs/curl-samples.mjs';
import { renderLandingPage } from './docs/landing-page.mjs';
import { externalReferencesIn, inlineCdnLogos } from './docs/offline-html.mjs';
import { readWorkflows, renderWorkflowsPage } from './docs/workflows-page.mjs';
import { run } from './run.mjs';

const REDOC_TEMPLATE = path.join(repoRoot, 'docs-src', 'redoc-template.hbs');
const LANDING_TEMPLATE = path.join(repoRoot, 'docs-src', 'index.html');

/**
 * Redoc options. Redoc shows only the code sample languages listed here, so our sample's label is declared as
 * one (TypeScript highlighting); `Payload` keeps the request body example beside it.
 */
const REDOC_OPTIONS = {
  codeSamples: {
    languages: [{ lang: SAMPLE_LANG, label: SAMPLE_LABEL }, { lang: 'Shell', label: CURL_LABEL }, { lang: 'Payload' }],
  },
  // A deprecated operation or property shows its removal date ("sunset: 2027-06-30") beside Redoc's Deprecated badge.
  showExtensions: ['x-sunset'],
};

function bundlePath(outDir, api) {
  return path.join(outDir, api.name, 'openapi.yaml');
}

function readBundle(outDir, api) {
  const file = bundlePath(outDir, api);
  if (!existsSync(file)) {
    throw new Error(
      `${path.relative(repoRoot, file)} is missing: run \`node scripts/bundle.mjs --api ${api.name}\` first`,
    );
  }
  return parse(readFileSync(file, 'utf8'));
}

function buildReference(api, doc, docsDir, scratchDir) {
  const enriched = path.join(scratchDir, `${api.name}.openapi.json`);
  writeFileSync(enriched, JSON.stringify(withCodeSamples(api.name, doc), null, 2));
  const rendered = path.join(scratchDir, `${api.name}.html`);
  const { status, stdout, stderr } = run(
    'redocly',
    [
      'build-docs',
      enriched,
      '--inlineBundle',
      '--output',
      rendered,
      '--template',
      REDOC_TEMPLATE,
      '--title',
      `${doc.info.title} ${doc.info.version}: API reference`,
      '--templateOptions.description',
      `Reference of the ${doc.info.title} ${doc.info.version}, with a TypeScript sample for every operation.`,
      '--openapi',
      JSON.stringify(REDOC_OPTIONS),
    ],
    { capture: true },
  );
  if (status !== 0 || !existsSync(rendered)) {
    throw new Error(`redocly build-docs failed for ${api.name} (exit ${status}):\n${stdout}\n${stderr}`);
  }

  const page = `${api.name}.html`;
  const html = inlineCdnLogos(readFileSync(rendered, 'utf8'), page);
  const external = externalReferencesIn(html);
  if (external.length > 0) throw new Error(`${page} would load from the network: ${external.join(', ')}`);
  writeFileSync(path.join(docsDir, page), html);
  console.log(`✔ docs/${page} (${Math.round(Buffer.byteLength(html) / 1024)} KiB)`);
  return page;
}

function buildLandingPage(outDir, docsDir) {
  const entries = apis.map((api) => ({ api, doc: readBundle(outDir, api), page: `${api.name}.html` }));
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const html = renderLandingPage({ entries, pkg, templatePath: LANDING_TEMPLATE });
  const external = externalReferencesIn(html);
  if (external.length > 0) throw new Error(`index.html would load from the network: ${external.join(', ')}`);
  writeFileSync(path.join(docsDir, 'index.html'), html);
  console.log(`✔ docs/index.html (${Math.round(Buffer.byteLength(html) / 1024)} KiB)`);
}

function buildWorkflowsPage(outDir, docsDir) {
  const docs = Object.fromEntries(apis.map((api) => [api.name, readBundle(outDir, api)]));
  const html = renderWorkflowsPage({ workflows: readWorkflows(path.join(repoRoot, 'workflows')), docs });
  const external = externalReferencesIn(html);
  if (external.length > 0) throw new Error(`workflows.html would load from the network: ${external.join(', ')}`);
  writeFileSync(path.join(docsDir, 'workflows.html'), html);
  console.log(`✔ docs/workflows.html (${Math.round(Buffer.byteLength(html) / 1024)} KiB)`);
}

function main() {
  const outDir = outDirFromArgs();
  const docsDir = path.join(outDir, 'docs');
  mkdirSync(docsDir, { recursive: true });
  const scratchDir = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-docs-'));
  try {
    for (const api of selectedApis()) buildReference(api, readBundle(outDir, api), docsDir, scratchDir);
    buildLandingPage(outDir, docsDir);
    buildWorkflowsPage(outDir, docsDir);
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(`✖ build-docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
