// The transport's pool of AbortControllers (src/transport/controller-pool.ts): a controller serves one attempt at a
// time, an aborted one is never handed out again, and one is retired after a bounded number of attempts.
import { describe, expect, it } from 'vitest';
import { returnController, takeController } from '../../src/transport/controller-pool.js';

describe('the abort controller pool', () => {
  it('hands out distinct controllers to attempts that overlap', () => {
    const first = takeController();
    const second = takeController();

    expect(second.controller).not.toBe(first.controller);
    returnController(first);
    returnController(second);
  });

  it('hands a controller given back to the next attempt', () => {
    const first = takeController();
    returnController(first);

    const next = takeController();

    expect(next.controller).toBe(first.controller);
    returnController(next);
  });

  it('never hands out again a controller that was aborted', () => {
    const aborted = takeController();
    aborted.controller.abort(new Error('deadline'));
    returnController(aborted);

    const next = takeController();

    expect(next.controller).not.toBe(aborted.controller);
    expect(next.controller.signal.aborted).toBe(false);
    returnController(next);
  });

  it('retires a controller after 16 attempts', () => {
    const first = takeController();
    const usesBefore = first.uses; // the pool is the process's: earlier tests may have used this one already
    returnController(first);
    let handedOutAgain = 0;
    for (let i = 0; i < 40; i++) {
      const pooled = takeController();
      if (pooled.controller === first.controller) handedOutAgain++;
      returnController(pooled);
    }

    expect(usesBefore + handedOutAgain).toBe(16);
    expect(first.uses).toBe(16);
  });
});
