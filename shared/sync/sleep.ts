/** A cell nobody ever notifies: Atomics.wait on it simply sleeps. One per thread (module copy). */
let never: Int32Array | null = null;

/**
 * Blocks this thread for `ms` — a real sleep, not a busy loop, so other threads get the CPU.
 * Workers only: a browser's main thread may not call Atomics.wait.
 */
export function sleepBlocking(ms: number): void {
  // Made on first use: on a page that is not cross-origin isolated SharedArrayBuffer does not
  // exist, and merely importing this module must not throw there.
  never ??= new Int32Array(new SharedArrayBuffer(4));
  if (ms > 0) Atomics.wait(never, 0, 0, ms);
}
