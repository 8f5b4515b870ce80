// A Clock that never waits: sleeps are recorded and advance the fake time at once; deadlines abort only when
// a test says so. Lets tests assert exact delays without real time passing.
import type { Clock } from '../../src/transport/clock.js';

export class FakeClock implements Clock {
  time: number;
  /** Every delay passed to sleep(), in order. */
  readonly sleeps: number[] = [];
  /** Every deadline requested, with the controller that fires it. */
  readonly deadlines: { ms: number; controller: AbortController }[] = [];

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += ms;
  }

  deadline(ms: number): AbortSignal {
    const controller = new AbortController();
    this.deadlines.push({ ms, controller });
    return controller.signal;
  }

  /** Fires every deadline handed out so far, as AbortSignal.timeout would when its time is up. */
  expireDeadlines(): void {
    for (const { controller } of this.deadlines) {
      if (!controller.signal.aborted) controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    }
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
