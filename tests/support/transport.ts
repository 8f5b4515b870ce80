// A transport wired to a fake fetch and a fake clock, for tests of retries and deadlines.
import { createTransport, type TransportOptions } from '../../src/transport/fetch.js';
import { FakeClock } from './fake-clock.js';
import { fakeFetch, type Handler } from './fake-fetch.js';

export function transportWith(handler: Handler, options: Partial<TransportOptions> = {}) {
  const fetch = fakeFetch(handler);
  const clock = new FakeClock();
  const transport = createTransport({
    fetch,
    clock,
    timeoutMs: 5_000,
    retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 5_000 },
    random: () => 0.5,
    ...options,
  });
  return { transport, fetch, clock };
}

/** Answers with each of `responses` in turn (the last one repeats). */
export function sequence(...responses: (() => Response)[]): Handler {
  let i = 0;
  return () => {
    const next = responses[Math.min(i, responses.length - 1)];
    i++;
    if (!next) throw new Error('sequence() needs at least one response');
    return next();
  };
}
