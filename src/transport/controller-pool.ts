// AbortControllers for the attempts the transport sends with the platform's fetch, reused. Node 20 builds every
// AbortSignal as a transferable object, which made a new controller per attempt the largest single cost the
// transport added to a call (profiled: about a third of it). A controller goes back to the pool only when its attempt
// has ended (the whole body read, or the attempt failed) without it being aborted, so an abort only ever reaches its
// own attempt and requests that are over. Those earlier requests leave an abort listener on the signal until they are
// garbage-collected; a controller is retired after MAX_USES attempts, which bounds them.

/** A controller and the number of attempts it has served. */
export interface PooledController {
  readonly controller: AbortController;
  uses: number;
}

const MAX_USES = 16;
const MAX_IDLE = 64;
const idle: PooledController[] = [];

/** A controller whose signal has never been aborted: from the pool, or new. */
export function takeController(): PooledController {
  const pooled = idle.pop() ?? { controller: new AbortController(), uses: 0 };
  pooled.uses++;
  return pooled;
}

/**
 * Gives back the controller of an attempt that has ended. One that was aborted, or has served MAX_USES attempts,
 * is dropped; the pool keeps at most MAX_IDLE.
 */
export function returnController(pooled: PooledController): void {
  if (!pooled.controller.signal.aborted && pooled.uses < MAX_USES && idle.length < MAX_IDLE) idle.push(pooled);
}
