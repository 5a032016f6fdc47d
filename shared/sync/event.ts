import { checkSharedCells } from './shared-cells';
import { deadlineAfter, remainingUntil, type Clock } from './clock';

/**
 * An event flag (like Python's threading.Event) in one Int32 cell: `wait` blocks until some
 * thread calls `set`; `clear` arms it again. `set` and `clear` never block, so the page's own
 * thread may call them; `wait` blocks and belongs in a worker.
 */
export class SharedEvent {
  static readonly CELLS = 1;

  constructor(
    private readonly cells: Int32Array,
    private readonly index: number,
    private readonly clock: Clock = Date,
  ) {
    checkSharedCells(cells, index, SharedEvent.CELLS, 'SharedEvent');
  }

  /** Sets the flag and wakes every waiter. Returns how many were asleep. */
  set(): number {
    Atomics.store(this.cells, this.index, 1);
    return Atomics.notify(this.cells, this.index);
  }

  clear(): void {
    Atomics.store(this.cells, this.index, 0);
  }

  isSet(): boolean {
    return Atomics.load(this.cells, this.index) === 1;
  }

  /** Blocks until the flag is set; false if `timeoutMs` passed first. */
  wait(timeoutMs = Infinity): boolean {
    const deadline = deadlineAfter(this.clock, timeoutMs);
    // A loop, because a wake-up may find the flag already cleared again.
    while (Atomics.load(this.cells, this.index) === 0) {
      const left = remainingUntil(this.clock, deadline);
      if (left <= 0) return false;
      Atomics.wait(this.cells, this.index, 0, left);
    }
    return true;
  }
}
