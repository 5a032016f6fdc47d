import type { FrameGapSummary } from './frame-gaps';
import type { LongFrameSummary } from './long-animation-frames';
import { summarizeDistribution } from './percentile';

/** How responsive the page stayed during one run of a workload. */
export interface RunResponsiveness {
  /** From the start of the run to the end of its work. */
  durationMs: number;
  /** Longest time between two frames: a main-thread freeze shows here in full. */
  worstGapMs: number;
  /** Frames that came more than 50 ms after the one before. */
  framesOver50: number;
  /** Frames drawn during the run. */
  frames: number;
  /** Long Animation Frames during the run; null when the browser lacks the API. */
  longAnimationFrames: LongFrameSummary | null;
  /** Delay between each user input during the run and the start of its handling. */
  inputDelay: { count: number; p95Ms: number; maxMs: number };
}

export interface RunMeasurements {
  readonly durationMs: number;
  readonly gaps: FrameGapSummary;
  readonly longFrames: LongFrameSummary | null;
  readonly inputDelaysMs: ArrayLike<number>;
}

/** Assembles the figures of a run from what the meters measured. */
export function buildRunResponsiveness(m: RunMeasurements): RunResponsiveness {
  const inputs = summarizeDistribution(m.inputDelaysMs);
  return {
    durationMs: Math.max(0, m.durationMs),
    worstGapMs: m.gaps.worstGapMs,
    framesOver50: m.gaps.framesOver,
    frames: m.gaps.frames,
    longAnimationFrames: m.longFrames === null ? null : { ...m.longFrames },
    inputDelay: { count: inputs.count, p95Ms: inputs.p95, maxMs: inputs.max },
  };
}
