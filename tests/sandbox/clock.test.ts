// The sandbox clock as a partner moves it: SANDBOX_START_TIME (startTime) sets where it starts, and
// POST /__sandbox/clock {"advanceSeconds": n} (the spec's x-sandbox.clock) moves it forward on both APIs, so that a
// token expires without waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { sandboxSpecs } from '../../src/sandbox/specs.js';
import { apiNames } from '../support/bundles.js';

let sandbox: Sandbox;
const START = Date.parse('2030-01-01T00:00:00.000Z');
beforeAll(async () => {
  sandbox = await startSandbox({ startTime: START, tokenExpiresIn: 60 });
});
afterAll(() => sandbox.close());

const clock = (api: 'portabl' | 'identity', advanceSeconds?: unknown) =>
  fetch(
    `${sandbox.urls[api]}/__sandbox/clock`,
    advanceSeconds === undefined ? {} : { method: 'POST', body: JSON.stringify({ advanceSeconds }) },
  );

describe('sandbox clock', () => {
  it('is the route the spec states', () => {
    for (const api of apiNames) {
      expect((sandboxSpecs[api] as any)['x-sandbox'].clock).toMatchObject({
        read: 'GET /__sandbox/clock',
        advance: 'POST /__sandbox/clock',
      });
    }
  });

  it('starts at startTime and moves forward on request, for both APIs', async () => {
    const read = (await (await clock('identity')).json()) as { now: string };
    expect(Date.parse(read.now) - START).toBeGreaterThanOrEqual(0);
    expect(Date.parse(read.now) - START).toBeLessThan(60_000);
    const moved = (await (await clock('portabl', 3600)).json()) as { now: string };
    expect(Date.parse(moved.now) - Date.parse(read.now)).toBeGreaterThanOrEqual(3600_000);
    const seen = (await (await clock('identity')).json()) as { now: string };
    expect(Date.parse(seen.now)).toBeGreaterThanOrEqual(Date.parse(moved.now));
  });

  it('expires a token once moved past expiresIn', async () => {
    const { clientId, clientSecret } = sandbox.credentials.portabl[0]!;
    const token = (await (
      await fetch(`${sandbox.urls.portabl}/provider/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, clientSecret }),
      })
    ).json()) as { accessToken: string; expiresIn: number };
    expect(token.expiresIn).toBe(60);
    const users = () =>
      fetch(`${sandbox.urls.portabl}/provider/users`, { headers: { authorization: `Bearer ${token.accessToken}` } });
    expect((await users()).status).toBe(200);
    expect((await clock('portabl', 61)).status).toBe(200);
    expect((await users()).status).toBe(401);
  });

  it.each([[0], [-5], ['10'], [null]])('refuses advanceSeconds %j with 400 naming it', async (value) => {
    const reply = await clock('identity', value);
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { message: string }).message).toContain('body.advanceSeconds');
  });
});
