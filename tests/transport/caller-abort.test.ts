import { describe, expect, it } from 'vitest';
import { fakePortabl, settingsPath } from '../support/fake-portabl.js';
import { transportWith } from '../support/transport.js';

describe("the caller's own abort", () => {
  it('passes the abort reason through untouched and does not retry', async () => {
    const controller = new AbortController();
    const { transport, fetch, clock } = transportWith(() => new Promise<Response>(() => {}));

    const pending = transport(new Request('http://127.0.0.1:4010/identities', { signal: controller.signal })).catch(
      (e: unknown) => e,
    );
    await new Promise((resolve) => setImmediate(resolve));
    const reason = new Error('user navigated away');
    controller.abort(reason);

    expect(await pending).toBe(reason);
    expect(fetch.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops waiting for a shared token request without cancelling it for other callers', async () => {
    let answerToken: (() => void) | undefined;
    const server = fakePortabl({
      token: () => new Promise<Response | undefined>((resolve) => (answerToken = () => resolve(undefined))),
    });
    const portabl = server.client();
    const controller = new AbortController();

    const aborted = portabl
      .GET('/provider/users/{userId}/settings', { ...settingsPath, signal: controller.signal })
      .catch((e: unknown) => e);
    const patient = portabl.GET('/provider/users/{userId}/settings', settingsPath);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('gave up'));

    expect(((await aborted) as Error).message).toBe('gave up');
    answerToken?.();
    expect((await patient).response.status).toBe(200);
    expect(server.tokenRequests()).toHaveLength(1);
  });
});
