// One benchmark target in a process of its own (so that the load generator and the clients do not share its CPU):
//   node scripts/bench/serve-target.mjs <bare|mock|stock|sandbox>
// listens on 127.0.0.1, a free port, prints `LISTENING <url>` once ready, and exits when its stdin closes.
//   bare     node:http answering the spec's example JSON by method and path (no validation, no routing library);
//            `/n<count>/identities?...` answers a list of <count> identities, for the response-size series
//   mock     our Prism mock of the Identities API (scripts/mock/prism.mjs, as `npm run mock` serves it, log silent)
//   sandbox  the Identities API of startSandbox from dist/src/sandbox (issue 4/7), when this branch has it
// Stock `prism mock` is started by targets.mjs as the CLI itself.

import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { apiNamed, bundlePath, repoRoot } from '../apis.mjs';
import { API_KEY, identityList, routeBody } from './fixtures.mjs';

const kind = process.argv[2];
const ready = (url) => process.stdout.write(`LISTENING ${url}\n`);
process.stdin.on('end', () => process.exit(0)).resume();

const json = (value) => Buffer.from(JSON.stringify(value));
const lists = new Map();
const listOf = (count) => lists.get(count) ?? lists.set(count, json(identityList(count))).get(count);

function bare() {
  const server = http.createServer((req, res) => {
    // The body is read to its end, as any server must before it answers.
    req.resume();
    req.on('end', () => {
      const [pathname] = req.url.split('?');
      const sized = /^\/n(\d+)(\/identities)$/.exec(pathname);
      const body = sized ? listOf(Number(sized[1])) : routeBody(req.method, pathname);
      if (!body) return res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"not_found"}');
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength }).end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () =>
    ready(`http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`),
  );
}

async function mock() {
  const { startPrism } = await import('../mock/prism.mjs');
  const prism = await startPrism({
    name: 'identity',
    document: bundlePath(apiNamed('identity'), 'yaml'),
    logLevel: 'silent',
  });
  ready(prism.url);
}

async function sandbox() {
  const entry = path.join(repoRoot, 'dist/src/sandbox/index.js');
  if (!existsSync(entry))
    throw new Error('dist/src/sandbox/index.js is missing: the sandbox (issue 4/7) is not in this branch');
  const { startSandbox } = await import(pathToFileURL(entry).href);
  // The Identities API of issue 4/7's sandbox (in memory, rate limit off by default), with the bench's API key.
  const running = await startSandbox({ host: '127.0.0.1', credentials: { identity: [{ apiKey: API_KEY }] } });
  process.stdin.on('end', () => void running.close());
  ready(running.urls.identity);
}

const starters = { bare, mock, sandbox };
if (!starters[kind]) {
  console.error(`serve-target: unknown target "${kind}"; known: ${Object.keys(starters).join(', ')}`);
  process.exit(2);
}
Promise.resolve(starters[kind]()).catch((error) => {
  console.error(`serve-target ${kind}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
