/**
 * Long Animation Frames (LoAF): the browser reports every frame whose work took over 50 ms,
 * with `blockingDuration`, the part of it during which input could not be handled.
 */

export interface LongFrameRecord {
  readonly startTime: number;
  readonly durationMs: number;
  readonly blockingDurationMs: number;
}

export interface LongFrameSummary {
  readonly count: number;
  /** Longest frame duration, 0 when there are none. */
  readonly worstMs: number;
  /** Sum of blocking durations. */
  readonly totalBlockingMs: number;
}

/** Summarizes the long frames that overlap [fromMs, toMs]. */
export function summarizeLongFrames(
  records: readonly LongFrameRecord[],
  fromMs: number,
  toMs: number,
): LongFrameSummary {
  let count = 0;
  let worst = 0;
  let blocking = 0;
  for (const r of records) {
    // Overlap, not containment: the frame that holds a freeze often starts with the very task
    // (a click handler, say) that opened the run window.
    if (r.startTime > toMs || r.startTime + r.durationMs < fromMs) continue;
    count += 1;
    if (r.durationMs > worst) worst = r.durationMs;
    blocking += r.blockingDurationMs;
  }
  return { count, worstMs: worst, totalBlockingMs: blocking };
}
