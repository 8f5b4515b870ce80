// The docs landing page (generated/docs/index.html): names each API with its version, links its reference,
// shows how to start the mocks and how to install and call each client. Everything on it is derived from the
// bundles, the mock settings and package.json, so it cannot drift from them; docs-src/index.html is the shell.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { operationsOf, resolveRef } from '../../src/openapi/document.js';
import { codeSampleFor } from './code-samples.mjs';
import { parameterExample } from './example-values.mjs';

/** Shown in every example request that needs a token: the Portabl mock accepts any bearer token. */
export const FAKE_TOKEN = 'fake.access.token-for-examples-only';
export const FAKE_API_KEY = 'your-api-key';

export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The first paragraph of a Markdown description, as plain text (the page renders no Markdown). */
function firstParagraph(markdown = '') {
  const paragraph = markdown.trim().split(/\n\s*\n/)[0] ?? '';
  return paragraph
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function pre(code) {
  return `<pre><code>${escapeHtml(code.trimEnd())}</code></pre>`;
}

/** The path with each path parameter replaced by its example, or undefined when one has no example. */
function concretePath(doc, entry) {
  let concrete = entry.path;
  for (const parameter of entry.parameters.filter((p) => p.in === 'path')) {
    const value = parameterExample(doc, parameter, { fromSchema: true });
    if (value === undefined) return undefined;
    concrete = concrete.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
  }
  return concrete;
}

/** The header that satisfies the operation's security, with a value any mock accepts: `[name, value]`. */
function authHeader(doc, operation) {
  const requirements = operation.security ?? doc.security ?? [];
  const first = requirements.find((r) => Object.keys(r).length > 0);
  if (!first) return undefined;
  const scheme = resolveRef(doc, doc.components?.securitySchemes?.[Object.keys(first)[0]]);
  if (scheme?.type === 'http' && /^bearer$/i.test(scheme.scheme)) return ['Authorization', `Bearer ${FAKE_TOKEN}`];
  if (scheme?.type === 'apiKey' && scheme.in === 'header') return [scheme.name, FAKE_API_KEY];
  return undefined;
}

/**
 * The request the landing page shows against the mock: the first GET that documents a 404 and whose path can be
 * filled from examples. `status` is the documented success the mock answers without a `Prefer` header.
 * @returns {{summary: string, path: string, headers: [string, string][], status: number} | undefined}
 */
export function mockExampleFor(doc) {
  for (const entry of operationsOf(doc)) {
    const responses = entry.operation.responses ?? {};
    if (entry.method !== 'get' || !responses['404']) continue;
    const concrete = concretePath(doc, entry);
    const success = Object.keys(responses).find((status) => /^2\d\d$/.test(status));
    if (concrete === undefined || success === undefined) continue;
    const header = authHeader(doc, entry.operation);
    return {
      summary: entry.operation.summary ?? `GET ${entry.path}`,
      path: concrete,
      headers: /** @type {[string, string][]} */ (header ? [header] : []),
      status: Number(success),
    };
  }
  return undefined;
}

/** The operation the client section shows: the first GET with path parameters, else the first GET, else the first. */
function clientExampleFor(doc) {
  const operations = operationsOf(doc);
  return (
    operations.find((e) => e.method === 'get' && e.parameters.some((p) => p.in === 'path')) ??
    operations.find((e) => e.method === 'get') ??
    operations[0]
  );
}

function apiCard({ api, doc, page }) {
  const operations = operationsOf(doc);
  const servers = (doc.servers ?? [])
    .map((s) => `<code>${escapeHtml(s.url)}</code>${s.description ? `: ${escapeHtml(s.description)}` : ''}`)
    .join('<br>');
  return `<section class="api" id="api-${escapeHtml(api.name)}">
      <h3>${escapeHtml(doc.info.title)}<span class="version">v${escapeHtml(doc.info.version)}</span></h3>
      <p>${escapeHtml(firstParagraph(doc.info.description))}</p>
      <dl>
        <dt>Version</dt><dd>${escapeHtml(doc.info.version)} (OpenAPI ${escapeHtml(doc.openapi)})</dd>
        <dt>Operations</dt><dd>${operations.length}</dd>
        <dt>Servers</dt><dd>${servers || 'none declared'}</dd>
        <dt>Spec</dt><dd><a href="specs/${escapeHtml(api.name)}.yaml">${escapeHtml(api.name)}.yaml</a>, <a href="specs/${escapeHtml(api.name)}.json">${escapeHtml(api.name)}.json</a> (the bundled OpenAPI document, served by <code>npm start</code>; in the package as <code>specs/${escapeHtml(api.name)}.yaml</code>)</dd>
      </dl>
      <p><a class="open" href="${escapeHtml(page)}">Read the ${escapeHtml(doc.info.title)} reference</a></p>
    </section>`;
}

function mocksSection(entries) {
  const rows = entries
    .map(({ api, doc }) => {
      const mock = api.mock;
      return `<tr><td>${escapeHtml(doc.info.title)}</td><td><code>http://127.0.0.1:${mock.defaultPort}</code></td><td><code>${escapeHtml(mock.portEnv)}</code></td></tr>`;
    })
    .join('\n        ');

  const examples = entries
    .map(({ api, doc }) => {
      const mock = api.mock;
      const example = mockExampleFor(doc);
      if (!mock || !example) return '';
      const url = `http://127.0.0.1:${mock.defaultPort}${example.path}`;
      const headers = example.headers.map(([name, value]) => ` \\\n  -H '${name}: ${value}'`).join('');
      return `<h3>${escapeHtml(doc.info.title)}: ${escapeHtml(example.summary)}</h3>
    <p>The documented example answer (${example.status}), then the documented <code>404</code> answer, asked for with <code>Prefer: code=404</code>:</p>
    ${pre(`curl -i '${url}'${headers}\ncurl -i '${url}'${headers} \\\n  -H 'Prefer: code=404'`)}`;
    })
    .join('\n    ');

  return `<p>Both mocks answer every documented operation with the spec's own examples and reject requests the
    spec does not allow (wrong body, missing credentials), so a client can be built before it has real credentials.</p>
    ${pre(`npm start      # the two mocks and these docs (http://127.0.0.1:4000), Ctrl-C stops them\nnpm run mock   # the two mocks only`)}
    <table>
      <thead><tr><th>API</th><th>mock</th><th>port variable</th></tr></thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    <p>The mocks check that credentials are present, not that they are valid: any bearer token and any API key pass.
    A <code>Prefer</code> header chooses the answer: <code>code=404</code> returns the documented 404,
    <code>example=NAME</code> a named example.</p>
    ${examples}
    ${sandboxPart(entries)}`;
}

/** The stateful sandbox (`npm run sandbox`, also served by `npm start`): its ports, from each bundle's `x-sandbox`. */
function sandboxPart(entries) {
  const rows = entries
    .filter(({ doc }) => doc['x-sandbox'])
    .map(
      ({ doc }) =>
        `<tr><td>${escapeHtml(doc.info.title)}</td><td><code>http://127.0.0.1:${escapeHtml(String(doc['x-sandbox'].defaultPort))}</code></td><td><code>${escapeHtml(doc['x-sandbox'].portSetting)}</code></td></tr>`,
    )
    .join('\n        ');
  if (!rows) return '';
  return `<h3>The sandbox: both APIs with state</h3>
    <p>Where the mocks answer examples, the sandbox keeps what you send and applies every rule of the specs: real
    credentials (printed when it starts) and scopes, 404 for ids you did not create, an email unique per API key, a
    confirmed identity's locked fields, sync sessions that start once. <code>npm start</code> serves it too.</p>
    ${pre('npm run sandbox   # both sandboxes; prints their URLs and demo credentials, Ctrl-C stops them')}
    <table>
      <thead><tr><th>API</th><th>sandbox</th><th>port variable</th></tr></thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    <p>What the sandbox adds to the contract (tenants, token and URL lifetimes, the rate limit, the clock) is stated
    in each spec's <code>x-sandbox</code>.</p>`;
}

/** The file `npm pack` writes for a package: `@scope/name` → `scope-name-<version>.tgz`. */
export const tarballName = (pkg) => `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;

/** The install lines the docs and the README show; tests/package/consumer.test.ts runs them. */
export const installLines = (pkg) =>
  `npm ci && npm pack                # in a clone of this repository: installs the build's tools, writes ${tarballName(pkg)}\nnpm install ./${tarballName(pkg)}   # in your project, with the path to that file`;

function clientsSection(entries, pkg) {
  const calls = entries
    .map(({ api, doc }) => {
      const entry = api.client ? clientExampleFor(doc) : undefined;
      if (!entry) return '';
      return `<h3>${escapeHtml(doc.info.title)}</h3>
    ${pre(codeSampleFor(api.name, doc, entry))}`;
    })
    .join('\n    ');
  return `<p>Each API has a typed client generated from its spec: paths, parameters, bodies and answers are checked
    by the TypeScript compiler. Every operation in the references shows its call in the <code>${escapeHtml(pkg.name)}</code> sample.
    The package is not on the npm registry yet: install the tarball <code>npm pack</code> writes in a clone of this repository.</p>
    ${pre(installLines(pkg))}
    ${calls}`;
}

/**
 * The landing page's HTML. `entries`: `[{api, doc, page}]` (api from scripts/apis.mjs with its mock's port, doc the bundle, page the
 * reference's file name); `pkg`: package.json.
 */
export function renderLandingPage({ entries, pkg, templatePath }) {
  const template = readFileSync(templatePath, 'utf8');
  const slots = {
    title: `${pkg.name}: API documentation`,
    description: pkg.description ?? '',
    apis: `<div class="apis">\n    ${entries.map(apiCard).join('\n    ')}\n    </div>`,
    mocks: mocksSection(entries),
    clients: clientsSection(entries, pkg),
    footer: `Built by <code>npm run docs</code> from ${entries
      .map(({ api }) => `<code>generated/${escapeHtml(api.name)}/openapi.yaml</code>`)
      .join(' and ')}; ${escapeHtml(pkg.name)} ${escapeHtml(pkg.version)}.`,
  };
  const escapedSlots = new Set(['title', 'description']);
  return template.replace(/\{\{(\w+)\}\}/g, (match, name) => {
    if (!(name in slots)) throw new Error(`${path.basename(templatePath)}: unknown slot ${match}`);
    return escapedSlots.has(name) ? escapeHtml(slots[name]) : slots[name];
  });
}

/**
 * Rewrites the README's install block (the `npm pack` / `npm install ./<tarball>` pair) from package.json, so that a
 * version raised by `npm run release` never leaves the README naming a tarball `npm pack` no longer writes.
 * @param {string} readmePath
 * @param {{ name: string, version: string }} pkg
 * @returns {boolean} whether the file changed
 * @throws {Error} when the README has no install block to rewrite
 */
export function writeReadmeInstallLines(readmePath, pkg) {
  const readme = readFileSync(readmePath, 'utf8');
  const block = /```sh\n(?:npm ci && )?npm pack[^\n]*\nnpm install [^\n]*\n```/;
  if (!block.test(readme)) throw new Error(`${readmePath}: no \`\`\`sh block with the npm pack / npm install lines`);
  const next = readme.replace(block, `\`\`\`sh\n${installLines(pkg)}\n\`\`\``);
  if (next !== readme) writeFileSync(readmePath, next);
  return next !== readme;
}
