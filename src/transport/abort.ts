// Waiting that a signal can cut short.

/**
 * Settles like `work`, or rejects with `signal.reason` as soon as the signal aborts, even if whatever produces
 * `work` ignores the signal (some fetch implementations do; a shared token request must not be cancelled by one
 * caller), so an abort or a deadline always ends the wait.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // This caller no longer waits for `work`, but its failure must not become an unhandled rejection (which
    // ends a Node process): nobody else may be listening to it.
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
