/**
 * The one time base of every trace: **epoch milliseconds**, `performance.timeOrigin +
 * performance.now()`, as a float (sub-millisecond). Every place (the page, a Web Worker, Node's
 * main thread, a worker thread, a child or utility process) has its own `timeOrigin` but reads the
 * same wall clock through it, so epoch milliseconds line up across all of them (the recorder's
 * tests check this on real threads and processes; see ARCHITECTURE.md, "The timeline").
 * The Chrome trace writer turns them into the format's microseconds.
 */

/** The part of `performance` a clock needs; shared/ has neither the DOM's nor Node's types. */
export interface PerformanceLike {
  readonly timeOrigin: number;
  now(): number;
}

export type TraceClock = () => number;

export function traceClock(performance: PerformanceLike): TraceClock {
  const origin = performance.timeOrigin;
  return () => origin + performance.now();
}

/** A PerformanceEntry's `startTime` (relative to that context's origin) on the trace clock. */
export function entryToEpochMs(performance: PerformanceLike, startTime: number): number {
  return performance.timeOrigin + startTime;
}
