import { JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { formatDuration as formatSeconds } from '../../../shared/format/format-duration';
import { FROZEN_AFTER_MS } from './freeze-sentence';
import { useLiveSummary } from './use-live-summary';

const TONES = {
  frozen: 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100',
  stutter: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  smooth: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  waiting: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
} as const;

/**
 * The page's responsiveness over the last second, in words and figures, refreshed 4×/s by the
 * frame meter. It cannot change while the page is frozen: cover it with a `FreezeCue`.
 */
export function LiveVerdict({ className = '' }: { className?: string }) {
  const live = useLiveSummary();
  const worst = live.worstGapLastSecondMs;
  const tone =
    live.fps === 0 ? 'waiting' : worst > FROZEN_AFTER_MS ? 'frozen' : worst > JANK_THRESHOLD_MS ? 'stutter' : 'smooth';
  const word = { frozen: 'Froze', stutter: 'Stuttering', smooth: 'Responsive', waiting: '' }[tone];
  return (
    <p
      className={`rounded-xl px-3 py-1.5 text-lg font-medium tabular-nums ${TONES[tone]} ${className}`}
      data-testid="live-readout"
      data-tone={tone}
    >
      {tone === 'waiting' ? (
        'Measuring…'
      ) : (
        <>
          {/* "Now" is the last second: what the figures cover. */}
          Now: <span className="font-bold">{word}</span> · {Math.round(live.fps)} fps · worst gap {formatSeconds(worst)}
        </>
      )}
    </p>
  );
}
