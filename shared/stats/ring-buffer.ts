/**
 * A fixed-size ring of numbers on a Float64Array. `push` never allocates, so it can run on
 * every animation frame without feeding the garbage collector the meter is trying to observe.
 */
export class RingBuffer {
  readonly capacity: number;
  private readonly values: Float64Array;
  /** Index the next push writes to. */
  private next = 0;
  private size = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.values = new Float64Array(capacity);
  }

  /** How many values are held (at most `capacity`). */
  get length(): number {
    return this.size;
  }

  /** Adds a value, overwriting the oldest once full. */
  push(value: number): void {
    this.values[this.next] = value;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    if (this.size < this.capacity) this.size += 1;
  }

  /** The i-th held value, oldest first (0 = oldest). */
  at(index: number): number {
    return this.values[this.physical(this.checked(index))] ?? Number.NaN;
  }

  /** A value counted back from the newest (0 = newest). */
  latest(back = 0): number {
    return this.at(this.size - 1 - this.checked(back));
  }

  /**
   * Copies the newest `count` values (default all) into `target`, oldest first; returns how many.
   * `skipNewest` leaves out that many of the newest first (a window that ends before now).
   */
  copyLatestTo(target: Float64Array, count = this.size, skipNewest = 0): number {
    const held = Math.max(0, this.size - skipNewest);
    const n = Math.max(0, Math.min(count, held, target.length));
    const start = held - n;
    for (let i = 0; i < n; i += 1) target[i] = this.values[this.physical(start + i)] ?? Number.NaN;
    return n;
  }

  /** The held values, oldest first, as a new array (for tests and one-off reads, not per frame). */
  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i += 1) out.push(this.at(i));
    return out;
  }

  clear(): void {
    this.next = 0;
    this.size = 0;
  }

  private checked(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`ring index ${index} outside 0..${this.size - 1}`);
    }
    return index;
  }

  private physical(logical: number): number {
    // The oldest value sits at `next` once the ring has wrapped, and at 0 before.
    const oldest = this.size === this.capacity ? this.next : 0;
    const i = oldest + logical;
    return i >= this.capacity ? i - this.capacity : i;
  }
}
