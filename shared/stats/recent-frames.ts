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

/** How many of the newest frames arrived after `sinceMs`. */
export function countFramesSince(times: RingBuffer, sinceMs: number): number {
  let n = 0;
  while (n < times.length && times.latest(n) > sinceMs) n += 1;
  return n;
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

function assertPaired(times: RingBuffer, gaps: RingBuffer): void {
  if (times.length !== gaps.length) {
    throw new Error(`frame rings out of step: ${times.length} times, ${gaps.length} gaps`);
  }
}
