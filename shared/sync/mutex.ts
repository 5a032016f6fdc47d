import { checkSharedCells } from './shared-cells';
import { deadlineAfter, remainingUntil, type Clock } from './clock';

const FREE = 0;
const LOCKED = 1;
/** Locked, and somebody may be asleep in Atomics.wait: release must notify. */
const CONTENDED = 2;

/**
 * A mutual-exclusion lock in one Int32 cell of a SharedArrayBuffer, after Drepper's
 * "Futexes are tricky": an uncontended acquire/release is a single compareExchange, and only a
 * release that may have sleepers pays for Atomics.notify.
 *
 * Every thread that shares the buffer builds its own `Mutex` over the same cell. `acquire`
 * blocks with Atomics.wait, so call it from a worker (a browser's main thread may not block;
 * `tryAcquire` works everywhere). It does not record its owner: `ReentrantMutex` does.
 */
export class Mutex {
  /** How many Int32 cells a mutex occupies. */
  static readonly CELLS = 1;

  constructor(
    private readonly cells: Int32Array,
    private readonly index: number,
    private readonly clock: Clock = Date,
  ) {
    checkSharedCells(cells, index, Mutex.CELLS, 'Mutex');
  }

  /** Takes the lock if it is free, without waiting. */
  tryAcquire(): boolean {
    return Atomics.compareExchange(this.cells, this.index, FREE, LOCKED) === FREE;
  }

  /**
   * Waits for the lock, at most `timeoutMs` (default: for ever). Returns false on timeout —
   * the caller then does not hold the lock. A timeout is how the lab detects a deadlock
   * instead of hanging in it.
   */
  acquire(timeoutMs = Infinity): boolean {
    let seen = Atomics.compareExchange(this.cells, this.index, FREE, LOCKED);
    if (seen === FREE) return true;
    const deadline = deadlineAfter(this.clock, timeoutMs);
    do {
      // Mark the lock contended (unless it already is), then sleep while it stays so.
      if (seen === CONTENDED || Atomics.compareExchange(this.cells, this.index, LOCKED, CONTENDED) !== FREE) {
        const left = remainingUntil(this.clock, deadline);
        if (left <= 0) return false;
        Atomics.wait(this.cells, this.index, CONTENDED, left);
      }
      // Whoever wakes takes the lock as CONTENDED: others may still sleep behind it.
      seen = Atomics.compareExchange(this.cells, this.index, FREE, CONTENDED);
    } while (seen !== FREE);
    return true;
  }

  /** Frees the lock and wakes one waiter. Releasing a free lock is a bug, and throws. */
  release(): void {
    const before = Atomics.compareExchange(this.cells, this.index, LOCKED, FREE);
    if (before === LOCKED) return;
    if (before === FREE) throw new Error('Mutex released while it was not locked');
    Atomics.store(this.cells, this.index, FREE);
    Atomics.notify(this.cells, this.index, 1);
  }

  /** True while somebody holds the lock (a snapshot: it may change the next moment). */
  isLocked(): boolean {
    return Atomics.load(this.cells, this.index) !== FREE;
  }
}
