import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { FROZEN_AFTER_MS, JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { formatDuration as formatSeconds } from '../../../shared/format/format-duration';

// Defined beside JANK_THRESHOLD_MS so that shared/ (the Compare summary) judges by the same line.
export { FROZEN_AFTER_MS };

/** One plain sentence about the run, true to the measured figures. */
export function freezeSentence(run: RunResponsiveness): string {
  const during = `during a ${formatSeconds(run.durationMs)} run`;
  if (run.frames === 0) {
    return `No frames were drawn ${during}, so its smoothness could not be measured (was the window hidden?).`;
  }
  const worst = formatSeconds(run.worstGapMs);
  if (run.worstGapMs > FROZEN_AFTER_MS) {
    return `The page was frozen for ${worst} (worst frame gap) ${during}.`;
  }
  if (run.worstGapMs > JANK_THRESHOLD_MS) {
    const over = run.framesOver50 === 1 ? '1 frame' : `${run.framesOver50} frames`;
    return `The page stuttered: worst frame gap ${worst}, ${over} over 50 ms, ${during}.`;
  }
  return `The page stayed responsive: worst frame gap ${worst} ${during}.`;
}
