// A static file server for the built docs (generated/docs), for `npm start` and the browser test.
//   node scripts/serve-docs.mjs [--port 4000] [--host 127.0.0.1] [--root generated/docs]
// Serves files only (no listings), with their content types; anything else is a 404. Paths that try to leave the
// root (`..`, encoded or not, symlinks pointing out) are refused. Also serves each API's bundle as
// /specs/<api>.yaml and /specs/<api>.json (the names the package exports), which the landing page links.
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { apis } from './apis.mjs';

/**
 * The running docs server.
 * @typedef {object} DocsServer
 * @property {string} url `http://host:port/`, with the port actually bound (useful with port 0)
 * @property {number} port
 * @property {() => Promise<void>} close
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bundles the docs link live: generated/<api>/openapi.{yaml,json}. */
export const DEFAULT_BUNDLES_DIR = path.join(repoRoot, 'generated');

/** The bundle a `/specs/<api>.<ext>` path names, or undefined. */
function bundleFor(bundlesDir, urlPath) {
  const match = /^\/specs\/([a-z0-9-]+)\.(yaml|json)$/.exec(urlPath);
  if (!match || !apis.some((api) => api.name === match[1])) return undefined;
  const file = path.join(bundlesDir, match[1], `openapi.${match[2]}`);
  return existsSync(file) ? file : undefined;
}
export const DEFAULT_DOCS_ROOT = path.join(repoRoot, 'generated', 'docs');

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The file a URL path names inside `root` (realpath), or undefined when there is none or it lies outside. */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const candidate = path.resolve(root, `.${path.posix.normalize(relative)}`);
  if (!existsSync(candidate)) return undefined;
  // realpath: a symlink inside the root must not lead out of it.
  const real = realpathSync(candidate);
  if (real !== root && !real.startsWith(root + path.sep)) return undefined;
  return statSync(real).isFile() ? real : undefined;
}

function send(response, status, text, headers = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(`${text}\n`);
}

function handler(root, bundlesDir) {
  return (request, response) => {
    response.setHeader('x-content-type-options', 'nosniff');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, `${request.method} is not allowed: the docs are read-only`, { allow: 'GET, HEAD' });
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://docs.invalid');
    const file = bundleFor(bundlesDir, pathname) ?? fileFor(root, pathname);
    if (!file) {
      send(response, 404, `Not found: ${pathname}`);
      return;
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      // The docs change with every build: always revalidate.
      'cache-control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file)
      .on('error', (error) => response.destroy(error))
      .pipe(response);
  };
}

/**
 * Serves `root` (default generated/docs) on http://host:port, and the bundles of `bundlesDir` (default generated/)
 * as /specs/<api>.yaml and /specs/<api>.json; port 0 picks a free port.
 * @returns {Promise<{url: string, port: number, close(): Promise<void>}>}
 */
export async function serveDocs({
  port = 4000,
  host = '127.0.0.1',
  root = DEFAULT_DOCS_ROOT,
  bundlesDir = DEFAULT_BUNDLES_DIR,
} = {}) {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.relative(repoRoot, root) || root}/index.html is missing: run \`npm run docs\` first`);
  }
  const realRoot = realpathSync(root);
  const server = createServer(handler(realRoot, bundlesDir));
  await new Promise((resolve, reject) => {
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`docs: port ${port} on ${host} is in use: stop what uses it or choose another port`)
          : error,
      );
    });
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from a browser would hold close() open.
        server.closeAllConnections();
      }),
  };
}

function optionFrom(argv, name, fallback) {
  const i = argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

async function main(argv) {
  const rawPort = optionFrom(argv, 'port', '4000');
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`--port ${rawPort}: give an integer from 0 to 65535`);
  const host = optionFrom(argv, 'host', '127.0.0.1');
  const root = path.resolve(optionFrom(argv, 'root', DEFAULT_DOCS_ROOT));
  const docs = await serveDocs({ port, host, root });
  console.log(`API docs: ${docs.url} (Ctrl-C stops)`);
  const stop = () => {
    docs.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
