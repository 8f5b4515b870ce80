// Only pages from loopback origins (the docs served by `npm start`, a partner's local app) may call the mock from a
// browser (issue 10, item 7): a page on the web a developer visits gets no CORS permission, and its requests are
// refused with the documented 400 before any work is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPrism } from '../../../scripts/mock/prism.mjs';
import { originAllowed } from '../../../scripts/mock/request-checks.mjs';
import { APIKEY_HEADERS } from '../../support/bodies.js';
import { startBundleMock } from '../support/private-mock.js';

describe('originAllowed', () => {
  it.each([
    'http://127.0.0.1:4000',
    'http://localhost:3000',
    'https://localhost',
    'http://[::1]:8080',
    'http://127.0.0.2:4000',
  ])('%s: allowed', (origin) => {
    expect(originAllowed(origin)).toBe(true);
  });
  it.each([
    'https://evil.example',
    'null',
    'http://127.0.0.1.evil.example',
    'http://localhost.example.com',
    'file://',
    'http://10.0.0.1',
  ])('%s: refused', (origin) => {
    expect(originAllowed(origin)).toBe(false);
  });
  it('an origin given explicitly is allowed', () => {
    expect(originAllowed('https://docs.example.com', ['https://docs.example.com'])).toBe(true);
  });
});

describe('the Identities mock and browser origins', () => {
  let mock: RunningPrism;
  beforeAll(async () => {
    mock = await startBundleMock('identity');
  });
  afterAll(() => mock?.close());

  const preflight = (origin: string) =>
    fetch(`${mock.url}/identities`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'apikey' },
    });

  it("a preflight from the docs' loopback origin is allowed, without credentials mode", async () => {
    const response = await preflight('http://127.0.0.1:4000');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4000');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('a preflight from a web page gets no permission', async () => {
    const response = await preflight('https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a request from a web page is refused: 400 naming the origin', async () => {
    const response = await fetch(`${mock.url}/identities`, {
      headers: { ...APIKEY_HEADERS, origin: 'https://evil.example' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('Origin "https://evil.example" is not allowed'),
    });
  });

  it('a request from a loopback page is answered, with its origin allowed', async () => {
    const response = await fetch(`${mock.url}/identities`, {
      headers: { ...APIKEY_HEADERS, origin: 'http://localhost:4000' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
  });
});
