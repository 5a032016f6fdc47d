/**
 * Frame-gap arithmetic. A frame gap is the time between two consecutive animation frames;
 * while the main thread is blocked no frame is produced, so a freeze shows up as one long gap.
 */

/** Gaps longer than this are visible jank (Long Animation Frames and RAIL use the same 50 ms). */
export const JANK_THRESHOLD_MS = 50;

/** Beyond this a gap no longer feels like a stutter but like the page stopping (RAIL's 100 ms). */
export const FROZEN_AFTER_MS = 100;

/** One frame at 60 Hz, the budget the chart marks with a dashed line. */
export const FRAME_BUDGET_MS = 1000 / 60;

export interface FrameGapSummary {
  /** Number of gaps counted (one per frame after the first). */
  readonly frames: number;
  /** The longest gap, 0 when there are none. */
  readonly worstGapMs: number;
  /** Gaps strictly longer than `thresholdMs`. */
  readonly framesOver: number;
  /**
   * Time covered by gaps longer than `thresholdMs`, counted in full: a 2 s block adds ~2000,
   * while normal 16.7 ms frames add nothing.
   */
  readonly frozenMs: number;
  /** Sum of all gaps: the wall time the frames span. */
  readonly totalMs: number;
  readonly thresholdMs: number;
}

/** Gaps between consecutive timestamps (n timestamps give n - 1 gaps). */
export function gapsFromTimestamps(timestamps: ArrayLike<number>): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < timestamps.length; i += 1) {
    gaps.push((timestamps[i] ?? 0) - (timestamps[i - 1] ?? 0));
  }
  return gaps;
}

/**
 * A running summary of frame gaps, updated one gap at a time without allocating, so the
 * animation-frame loop can feed it directly.
 */
export class FrameGapTally {
  readonly thresholdMs: number;
  private count = 0;
  private worst = 0;
  private over = 0;
  private frozen = 0;
  private total = 0;

  constructor(thresholdMs: number = JANK_THRESHOLD_MS) {
    this.thresholdMs = thresholdMs;
  }

  /** Counts one gap; negative or non-finite gaps (clock glitches) are ignored. */
  add(gapMs: number): void {
    if (!Number.isFinite(gapMs) || gapMs < 0) return;
    this.count += 1;
    this.total += gapMs;
    if (gapMs > this.worst) this.worst = gapMs;
    if (gapMs > this.thresholdMs) {
      this.over += 1;
      this.frozen += gapMs;
    }
  }

  reset(): void {
    this.count = 0;
    this.worst = 0;
    this.over = 0;
    this.frozen = 0;
    this.total = 0;
  }

  summary(): FrameGapSummary {
    return {
      frames: this.count,
      worstGapMs: this.worst,
      framesOver: this.over,
      frozenMs: this.frozen,
      totalMs: this.total,
      thresholdMs: this.thresholdMs,
    };
  }
}

/** Summarizes a list of gaps in one go. */
export function summarizeFrameGaps(gaps: ArrayLike<number>, thresholdMs: number = JANK_THRESHOLD_MS): FrameGapSummary {
  const tally = new FrameGapTally(thresholdMs);
  for (let i = 0; i < gaps.length; i += 1) tally.add(gaps[i] ?? Number.NaN);
  return tally.summary();
}
