// The docs server serves the files of its root with their content types and nothing else: unknown files are 404,
// and no path (dot segments, encoded or not, backslashes, symlinks) reaches a file outside the root.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUNDLES_DIR, type DocsServer, serveDocs } from '../../scripts/serve-docs.mjs';

let sandbox: string;
let docs: DocsServer;

/** A raw request: fetch() would normalise `..` away before it reaches the server. */
function get(rawPath: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: docs.port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-serve-docs-'));
  const root = path.join(sandbox, 'docs');
  mkdirSync(path.join(root, 'nested'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!DOCTYPE html><title>index</title>');
  writeFileSync(path.join(root, 'portabl.html'), '<!DOCTYPE html><title>portabl</title>');
  writeFileSync(path.join(root, 'style.css'), 'body{}');
  writeFileSync(path.join(root, 'nested', 'openapi.yaml'), 'openapi: 3.1.0');
  writeFileSync(path.join(sandbox, 'secret.txt'), 'outside the root');
  symlinkSync(path.join(sandbox, 'secret.txt'), path.join(root, 'link-out.txt'));
  docs = await serveDocs({ port: 0, host: '127.0.0.1', root });
});

afterAll(async () => {
  await docs?.close();
  rmSync(sandbox, { recursive: true, force: true });
});

describe('serves the bundles the landing page links', () => {
  it.each([
    ['/specs/portabl.yaml', 'portabl/openapi.yaml', 'application/yaml; charset=utf-8'],
    ['/specs/identity.json', 'identity/openapi.json', 'application/json; charset=utf-8'],
  ])('%s is generated/%s', async (url, file, type) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.type).toBe(type);
    expect(res.body).toBe(readFileSync(path.join(DEFAULT_BUNDLES_DIR, file), 'utf8'));
  });

  it.each(['/specs/unknown.yaml', '/specs/portabl.txt', '/specs/../package.json'])('%s is not found', async (url) => {
    expect((await get(url)).status).toBe(404);
  });
});

describe('serves the files of its root', () => {
  it('answers / with index.html as HTML', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>index</title>');
  });

  it.each([
    ['/portabl.html', 'text/html; charset=utf-8'],
    ['/style.css', 'text/css; charset=utf-8'],
    ['/nested/openapi.yaml', 'application/yaml; charset=utf-8'],
  ])('serves %s as %s', async (file, type) => {
    const res = await get(file);
    expect(res.status).toBe(200);
    expect(res.type).toBe(type);
  });

  it('answers HEAD without a body', async () => {
    const res = await get('/portabl.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    expect((await get('/index.html', 'POST')).status).toBe(405);
  });
});

describe('answers 404 for anything else', () => {
  it.each(['/missing.html', '/nested', '/nested/', '/%E0%A4%A'])('%s', async (rawPath) => {
    expect((await get(rawPath)).status).toBe(404);
  });
});

describe('never serves a file outside its root', () => {
  it.each([
    '/../secret.txt',
    '/nested/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/link-out.txt',
  ])('%s', async (rawPath) => {
    const res = await get(rawPath);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the root');
  });
});
