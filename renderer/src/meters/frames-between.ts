import type { RingBuffer } from '../../../shared/stats/ring-buffer';

/**
 * Copies the frames that arrived between `fromMs` and `toMs` (frame times and gaps, oldest
 * first) from a frame history kept as two paired rings, plus `leadingFrames` older ones so a
 * chart can draw the gap that crosses the left edge. Returns how many were copied. For a chart
 * that shows one run's window instead of the last seconds.
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
  // Walk back from the newest: skip what came after the window, then count what is inside it.
  let newest = 0;
  while (newest < times.length && times.latest(newest) > toMs) newest += 1;
  let oldest = newest;
  while (oldest < times.length && times.latest(oldest) >= fromMs) oldest += 1;
  oldest = Math.min(times.length, oldest + leadingFrames);
  const n = Math.min(oldest - newest, timesOut.length, gapsOut.length);
  // Oldest first: index back (newest + n - 1) goes to position 0.
  for (let i = 0; i < n; i += 1) {
    const back = newest + n - 1 - i;
    timesOut[i] = times.latest(back);
    gapsOut[i] = gaps.latest(back);
  }
  return n;
}
