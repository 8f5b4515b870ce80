// Time as the transport sees it. Injected so that tests can prove backoff delays, Retry-After handling,
// timeouts and token expiry without waiting for real time to pass.

export interface Clock {
  /** Milliseconds since the epoch: compared with token expiry and `Retry-After` dates. */
  now(): number;
  /** Waits `ms` before a retry; rejects with `signal.reason` if the caller aborts meanwhile. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A signal that aborts after `ms`: the deadline of one attempt. */
  deadline(ms: number): AbortSignal;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: realSleep,
  // AbortSignal.timeout's timer does not keep the process alive, so an unfinished deadline never delays exit.
  deadline: (ms) => AbortSignal.timeout(ms),
};
