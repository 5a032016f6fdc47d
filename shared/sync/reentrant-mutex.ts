import type { Clock } from './clock';
import { Mutex } from './mutex';
import { checkSharedCells } from './shared-cells';

const LOCK = 0;
const OWNER = 1;
const DEPTH = 2;

/**
 * A re-entrant lock (like Python's RLock): the thread that holds it may acquire it again, and
 * must release it as many times. Three Int32 cells: the inner mutex, the owner, the depth.
 *
 * JavaScript threads have no shared identity, so each caller names itself with a positive
 * whole number that is unique among the threads sharing the lock (a worker's lane + 1).
 */
export class ReentrantMutex {
  static readonly CELLS = 3;
  private readonly inner: Mutex;

  constructor(
    private readonly cells: Int32Array,
    private readonly index: number,
    clock: Clock = Date,
  ) {
    checkSharedCells(cells, index, ReentrantMutex.CELLS, 'ReentrantMutex');
    this.inner = new Mutex(cells, index + LOCK, clock);
  }

  /** Returns false on timeout. Re-acquiring by the owner never waits. */
  acquire(thread: number, timeoutMs = Infinity): boolean {
    checkThread(thread);
    // Only the owner itself ever writes its own id here, so this read cannot be fooled.
    if (Atomics.load(this.cells, this.index + OWNER) === thread) {
      Atomics.add(this.cells, this.index + DEPTH, 1);
      return true;
    }
    if (!this.inner.acquire(timeoutMs)) return false;
    Atomics.store(this.cells, this.index + OWNER, thread);
    Atomics.store(this.cells, this.index + DEPTH, 1);
    return true;
  }

  release(thread: number): void {
    checkThread(thread);
    const owner = Atomics.load(this.cells, this.index + OWNER);
    if (owner !== thread)
      throw new Error(
        `Thread ${thread} released a re-entrant lock held by ${owner === 0 ? 'nobody' : `thread ${owner}`}`,
      );
    if (Atomics.sub(this.cells, this.index + DEPTH, 1) > 1) return;
    Atomics.store(this.cells, this.index + OWNER, 0);
    this.inner.release();
  }

  /** The holder's id, 0 when free. */
  owner(): number {
    return Atomics.load(this.cells, this.index + OWNER);
  }

  /** How many times the holder has acquired it without releasing. */
  depth(): number {
    return Atomics.load(this.cells, this.index + DEPTH);
  }
}

function checkThread(thread: number): void {
  if (!Number.isInteger(thread) || thread < 1)
    throw new RangeError(`A thread id must be a whole number ≥ 1, got ${thread}`);
}
