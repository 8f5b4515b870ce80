// A success answer the transport hands back unread is read once, through its held body (src/transport/deferred-body.ts).
// The client lets nothing of the caller's near such an answer first; should its body have been read elsewhere anyway,
// that is not a broken connection: the read fails with a NetworkError saying so, and the request is not sent again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heldBody } from '../../src/transport/deferred-body.js';
import { NetworkError } from '../../src/transport/errors.js';
import { createTransport } from '../../src/transport/fetch.js';
import { FakeClock } from '../support/fake-clock.js';

afterEach(() => vi.unstubAllGlobals());

describe('a held body read elsewhere first', () => {
  it('fails with NetworkError naming what happened, after one request', async () => {
    let sent = 0;
    // The platform's fetch (the transport looks it up per call): answers with an announced length, so the body is held.
    vi.stubGlobal('fetch', async () => {
      sent++;
      return new Response('{"id":1}', { headers: { 'content-type': 'application/json', 'content-length': '8' } });
    });
    const transport = createTransport({ timeoutMs: 5_000, clock: new FakeClock() });

    const response = await transport(new Request('http://127.0.0.1:9/identities/1'));
    await Response.prototype.arrayBuffer.call(response);
    const error = await heldBody(response)?.catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain('the body was already read elsewhere');
    expect(sent).toBe(1);
  });
});
