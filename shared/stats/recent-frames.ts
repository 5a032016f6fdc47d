import type { RingBuffer } from './ring-buffer';

/**
 * Reads over a frame history kept as two rings pushed together: `times` (when each frame
 * arrived) and `gaps` (how long since the frame before). Both walk back from the newest frame,
 * so the cost depends on the window, not on the ring's capacity.
 */

export interface RecentFrames {
  /** Frames that arrived within the window. */
  readonly frames: number;
  /** Frames per second over the time those frames span (0 when none). */
  readonly fps: number;
  /** Longest gap among them: a freeze that ended inside the window shows here in full. */
  readonly worstGapMs: number;
}

/**
 * The one walk every read here makes: from the `from`-th newest frame back, while `inside` holds
 * for the frame's time. Returns the index (counted back from the newest) where it stopped.
 */
function walkBack(times: RingBuffer, from: number, inside: (timeMs: number) => boolean): number {
  let back = from;
  while (back < times.length && inside(times.latest(back))) back += 1;
  return back;
}

/** How many of the newest frames arrived after `sinceMs`. */
export function countFramesSince(times: RingBuffer, sinceMs: number): number {
  return walkBack(times, 0, (t) => t > sinceMs);
}

/** Frame rate and worst gap over the frames that arrived in the last `windowMs` before `nowMs`. */
export function summarizeRecentFrames(
  times: RingBuffer,
  gaps: RingBuffer,
  nowMs: number,
  windowMs: number,
): RecentFrames {
  assertPaired(times, gaps);
  const n = countFramesSince(times, nowMs - windowMs);
  let worst = 0;
  let spanned = 0;
  for (let i = 0; i < n; i += 1) {
    const gap = gaps.latest(i);
    spanned += gap;
    if (gap > worst) worst = gap;
  }
  // Dividing by the time the gaps cover (not by the window) gives a true rate even while the
  // history is shorter than the window, and a low one when a long gap sits inside it.
  return { frames: n, fps: spanned > 0 ? (n * 1000) / spanned : 0, worstGapMs: worst };
}

/**
 * Copies the frames of the last `windowMs` before `nowMs`, oldest first, into the output
 * arrays (for a chart); returns how many were copied. `leadingFrames` older frames are added
 * in front, so a chart can draw the gap that crosses the window's left edge.
 */
export function copyRecentFrames(
  times: RingBuffer,
  gaps: RingBuffer,
  nowMs: number,
  windowMs: number,
  timesOut: Float64Array,
  gapsOut: Float64Array,
  leadingFrames = 0,
): number {
  assertPaired(times, gaps);
  const inWindow = countFramesSince(times, nowMs - windowMs) + leadingFrames;
  const n = Math.min(inWindow, times.length, timesOut.length, gapsOut.length);
  times.copyLatestTo(timesOut, n);
  gaps.copyLatestTo(gapsOut, n);
  return n;
}

/**
 * Copies the frames that arrived between `fromMs` and `toMs` (both included), oldest first, plus
 * `leadingFrames` older ones; returns how many. For a chart pinned to one run's window instead of
 * the last seconds. Where the output is shorter than the window, the newest frames are kept.
 */
export function copyFramesBetween(
  times: RingBuffer,
  gaps: RingBuffer,
  fromMs: number,
  toMs: number,
  timesOut: Float64Array,
  gapsOut: Float64Array,
  leadingFrames = 0,
): number {
  assertPaired(times, gaps);
  // Skip what came after the window, then walk on through what is inside it.
  const newest = walkBack(times, 0, (t) => t > toMs);
  const oldest = Math.min(times.length, walkBack(times, newest, (t) => t >= fromMs) + leadingFrames);
  const n = Math.min(oldest - newest, timesOut.length, gapsOut.length);
  times.copyLatestTo(timesOut, n, newest);
  gaps.copyLatestTo(gapsOut, n, newest);
  return n;
}

function assertPaired(times: RingBuffer, gaps: RingBuffer): void {
  if (times.length !== gaps.length) {
    throw new Error(`frame rings out of step: ${times.length} times, ${gaps.length} gaps`);
  }
}
