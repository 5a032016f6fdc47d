import type { RunResponsiveness } from '../../../../shared/stats/run-responsiveness';
import { formatSeconds } from '../../ui/format';
import type { ChapterOutcome } from '../chapter';

/** The same work on the page's thread and in the background: what each did to the frames. */
export interface FreezeRuns {
  readonly main: RunResponsiveness;
  readonly background: RunResponsiveness;
  readonly backgroundLabel: string;
}

/** A gap this long is a stop, not a stutter (RAIL's 100 ms, as the Playground uses). */
const FROZEN_MS = 100;

/**
 * As expected when the main-thread run froze the page for most of its length and the background
 * run kept every gap far shorter. Generous on purpose: the machine may be busy with other work.
 */
export function freezeOutcome({ main, background, backgroundLabel }: FreezeRuns): ChapterOutcome {
  const frozeMost = main.worstGapMs > FROZEN_MS && main.worstGapMs >= 0.5 * main.durationMs;
  const stayedFree = background.worstGapMs < FROZEN_MS * 2 && background.worstGapMs < 0.25 * main.worstGapMs;
  return {
    measured:
      `Main thread: the page froze for ${formatSeconds(main.worstGapMs)} of a ${formatSeconds(main.durationMs)} run ` +
      `(${main.framesOver50} ${main.framesOver50 === 1 ? 'frame' : 'frames'} over 50 ms). ` +
      `${backgroundLabel}: worst frame gap ${formatSeconds(background.worstGapMs)} in ${formatSeconds(background.durationMs)}.`,
    asExpected: frozeMost && stayedFree,
    figures: {
      main_wall_ms: round(main.durationMs),
      main_worst_gap_ms: round(main.worstGapMs),
      main_frames_over_50: main.framesOver50,
      main_input_delay_p95_ms: round(main.inputDelay.p95Ms),
      background_wall_ms: round(background.durationMs),
      background_worst_gap_ms: round(background.worstGapMs),
      background_frames_over_50: background.framesOver50,
      background_input_delay_p95_ms: round(background.inputDelay.p95Ms),
    },
  };
}

export function round(ms: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(ms * f) / f;
}
