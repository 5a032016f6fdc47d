import type { PingStall } from '../../../shared/stats/ping-stalls';
import { JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { FROZEN_AFTER_MS } from '../meters/freeze-sentence';
import { formatDuration } from '../../../shared/format/format-duration';

export type StallTone = 'frozen' | 'slow' | 'fine' | 'unknown';

/** The same thresholds as the page's own: over 100 ms is a freeze, over 50 ms a stutter. */
export function stallTone(stall: PingStall): StallTone {
  if (stall.pings === 0) return 'unknown';
  if (stall.worstMs > FROZEN_AFTER_MS) return 'frozen';
  if (stall.worstMs > JANK_THRESHOLD_MS) return 'slow';
  return 'fine';
}

/** One plain sentence about the main process during a run, from its pings' round trips. */
export function mainStallSentence(stall: PingStall): string {
  const worst = formatDuration(stall.worstMs);
  switch (stallTone(stall)) {
    case 'unknown':
      return 'No ping to the main process was in flight during the run, so its responsiveness was not measured.';
    case 'frozen':
      return stall.unanswered
        ? `The main process has been unresponsive for ${worst} and still has not answered.`
        : `The main process was unresponsive for ${worst}.`;
    case 'slow':
      return `The main process was slow to answer: worst ping ${worst}.`;
    case 'fine':
      return `The main process stayed responsive (worst ping ${worst}).`;
  }
}
