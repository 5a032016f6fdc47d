import type { RunResponsiveness } from '../../../../shared/stats/run-responsiveness';
import { formatDuration } from '../../../../shared/format/format-duration';
import type { ChapterOutcome } from '../chapter';

/** The same work on the page's thread and in the background: what each did to the frames. */
export interface FreezeRuns {
  readonly main: RunResponsiveness;
  readonly background: RunResponsiveness;
  readonly backgroundLabel: string;
}

/**
 * What the chapter promises, and the thresholds that decide it: the "Expected" sentence is written
 * from these numbers, so the text and the verdict cannot drift apart.
 */
export const FREEZE_EXPECTATION = {
  /** The main-thread run's longest gap covers at least this share of the run: one long stop. */
  mainFrozenShare: 0.5,
  /** A gap this long is a stop, not a stutter (RAIL's 100 ms, as the Playground uses). */
  frozenMs: 100,
  /**
   * The background run's worst gap stays under this. Not 100 ms: on a busy two-core machine the
   * workers and the page share the processors, and a stutter of 100–200 ms is not a freeze.
   */
  backgroundWorstGapMs: 200,
  /** …and under this share of the main thread's gap, so the contrast is plain. */
  backgroundShareOfMain: 0.25,
} as const;

const E = FREEZE_EXPECTATION;

/** The chapter's "Expected" sentence, from the thresholds above. */
export const FREEZE_EXPECTED_TEXT =
  `Main thread: one frame gap over at least ${E.mainFrozenShare * 100} % of the run (≈ 1 s), the page frozen. ` +
  `Web Workers: no gap over ${E.backgroundWorstGapMs} ms — at most a stutter, never a freeze.`;

/**
 * As expected when the main-thread run froze the page for most of its length and the background
 * run kept every gap far shorter (the thresholds of FREEZE_EXPECTATION).
 */
export function freezeOutcome({ main, background, backgroundLabel }: FreezeRuns): ChapterOutcome {
  const frozeMost = main.worstGapMs > E.frozenMs && main.worstGapMs >= E.mainFrozenShare * main.durationMs;
  const stayedFree =
    background.worstGapMs < E.backgroundWorstGapMs && background.worstGapMs < E.backgroundShareOfMain * main.worstGapMs;
  return {
    measured:
      `${mainThreadSentence(main)} ` +
      `${backgroundLabel}: worst frame gap ${formatDuration(background.worstGapMs)} in ${formatDuration(background.durationMs)}.`,
    asExpected: frozeMost && stayedFree,
    figures: {
      ...mainThreadFigures(main),
      background_wall_ms: round(background.durationMs),
      background_worst_gap_ms: round(background.worstGapMs),
      background_frames_over_50: background.framesOver50,
      background_input_delay_p95_ms: round(background.inputDelay.p95Ms),
    },
  };
}

/** What the main-thread half did to the frames, in one sentence. */
export function mainThreadSentence(main: RunResponsiveness): string {
  return (
    `Main thread: the page froze for ${formatDuration(main.worstGapMs)} of a ${formatDuration(main.durationMs)} run ` +
    `(${main.framesOver50} ${main.framesOver50 === 1 ? 'frame' : 'frames'} over 50 ms).`
  );
}

/** The main-thread half's figures, for exports. */
export function mainThreadFigures(main: RunResponsiveness): Record<string, number> {
  return {
    main_wall_ms: round(main.durationMs),
    main_worst_gap_ms: round(main.worstGapMs),
    main_frames_over_50: main.framesOver50,
    main_input_delay_p95_ms: round(main.inputDelay.p95Ms),
  };
}

export function round(ms: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(ms * f) / f;
}
