import { JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { formatDuration as formatSeconds } from '../../../shared/format/format-duration';
import { FROZEN_AFTER_MS } from './freeze-sentence';

/** How a run went for the page, by its worst frame gap (the thresholds of `freezeSentence`). */
export type FreezeTone = 'frozen' | 'stutter' | 'smooth' | 'unmeasured';

export interface FreezeVerdict {
  readonly tone: FreezeTone;
  /** The headline's words before the number: "Frozen", "Worst gap". */
  readonly label: string;
  /** The number, as every screen writes it: "2.81 s", "17 ms". */
  readonly figure: string;
  /** For a strip of runs: "frozen 2.81 s", "worst gap 17 ms". */
  readonly short: string;
}

/** The run's headline: the freeze in seconds, or the worst gap when there was none. */
export function freezeVerdict(run: Pick<RunResponsiveness, 'frames' | 'worstGapMs'>): FreezeVerdict {
  if (run.frames === 0) return { tone: 'unmeasured', label: 'Not measured', figure: '—', short: 'not measured' };
  const figure = formatSeconds(run.worstGapMs);
  if (run.worstGapMs > FROZEN_AFTER_MS) return { tone: 'frozen', label: 'Frozen', figure, short: `frozen ${figure}` };
  const tone = run.worstGapMs > JANK_THRESHOLD_MS ? 'stutter' : 'smooth';
  return { tone, label: 'Worst gap', figure, short: `worst gap ${figure}` };
}

/** Text colour per tone, light and dark, at least 4.5:1 on the cards. */
export const TONE_TEXT: Readonly<Record<FreezeTone, string>> = {
  frozen: 'text-rose-700 dark:text-rose-300',
  stutter: 'text-amber-700 dark:text-amber-300',
  smooth: 'text-emerald-700 dark:text-emerald-300',
  unmeasured: 'text-slate-600 dark:text-slate-300',
};
