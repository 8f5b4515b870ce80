// A caller whose signal is already aborted when the call starts: it gets its own reason at once, and whatever
// work it no longer waits for cannot fail later as an unhandled rejection, which would end a Node process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { untilAborted } from '../../src/transport/abort.js';
import { json } from '../support/fake-fetch.js';
import { fakePortabl, settingsPath } from '../support/fake-portabl.js';

let unhandled: unknown[] = [];
const record = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', record);
});
afterEach(() => {
  process.off('unhandledRejection', record);
});

/** Node reports unhandled rejections once the microtask queue drains, before the next macrotask runs. */
const afterRejectionsAreReported = () => new Promise((resolve) => setImmediate(resolve));

describe('a caller whose signal is already aborted', () => {
  it('is rejected with its reason, and the abandoned work failing later is no unhandled rejection', async () => {
    let fail: ((error: Error) => void) | undefined;
    const work = new Promise<string>((_resolve, reject) => (fail = reject));
    const controller = new AbortController();
    const reason = new Error('user gave up');
    controller.abort(reason);

    await expect(untilAborted(work, controller.signal)).rejects.toBe(reason);
    fail?.(new Error('token request failed'));
    await afterRejectionsAreReported();

    expect(unhandled).toEqual([]);
  });

  it('gets its reason from the Portabl client without starting a token request', async () => {
    const server = fakePortabl({ token: () => json({ code: 'server_error', message: 'down' }, 500) });
    const controller = new AbortController();
    const reason = new Error('user gave up');
    controller.abort(reason);

    const error = await server
      .client({ retry: false })
      .GET('/provider/users/{userId}/settings', { ...settingsPath, signal: controller.signal })
      .catch((e: unknown) => e);
    await afterRejectionsAreReported();

    expect(error).toBe(reason);
    expect(server.tokenRequests()).toHaveLength(0);
    expect(unhandled).toEqual([]);
  });
});
