/**
 * Where the primitives read the time for their timeouts. shared/ has no `performance`
 * (no DOM, no Node types), so `Date` is the default; workers pass a high-resolution clock.
 */
export interface Clock {
  now(): number;
}

export function deadlineAfter(clock: Clock, timeoutMs: number): number {
  if (Number.isNaN(timeoutMs) || timeoutMs < 0) throw new RangeError(`A timeout must be ≥ 0 ms, got ${timeoutMs}`);
  return timeoutMs === Infinity ? Infinity : clock.now() + timeoutMs;
}

/** Milliseconds left before `deadline` (Infinity for none), never negative. */
export function remainingUntil(clock: Clock, deadline: number): number {
  return deadline === Infinity ? Infinity : Math.max(0, deadline - clock.now());
}
