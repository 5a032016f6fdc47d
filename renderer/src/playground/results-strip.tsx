import { TONE_TEXT } from '../meters/freeze-verdict';
import type { RunHistoryEntry } from './run-history';

const ITEM = 'min-w-0 rounded-xl border-2 px-3 py-1.5 text-lg leading-snug';
const ITEM_BORDER = {
  frozen: 'border-rose-300 dark:border-rose-700',
  stutter: 'border-amber-300 dark:border-amber-700',
  smooth: 'border-emerald-300 dark:border-emerald-700',
  unmeasured: 'border-slate-300 dark:border-slate-600',
} as const;
const CLEAR = [
  'rounded-lg border border-slate-300 px-3 py-1 text-base font-medium hover:bg-slate-100',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
  'dark:border-slate-600 dark:hover:bg-slate-800',
].join(' ');

/** The last runs side by side ("Page main thread — frozen 2.81 s" | "Web Workers — worst gap 17 ms") until cleared. */
export function ResultsStrip({ entries, onClear }: { entries: readonly RunHistoryEntry[]; onClear: () => void }) {
  if (entries.length === 0) {
    return (
      <p className="text-base text-slate-600 dark:text-slate-300" data-testid="results-strip" data-count={0}>
        Each run’s result stays here, side by side with the next.
      </p>
    );
  }
  return (
    <div className="flex items-start gap-3" data-testid="results-strip" data-count={entries.length}>
      <ol aria-label="Last runs" className="grid min-w-0 flex-1 grid-cols-[repeat(auto-fit,minmax(11rem,1fr))] gap-2">
        {entries.map((e) => (
          <li key={e.id} className={`${ITEM} ${ITEM_BORDER[e.tone]}`} data-testid="results-entry" data-tone={e.tone}>
            <span className="block font-semibold">{e.where}</span>
            <span className="sr-only"> — </span>
            <span className={`block font-bold tabular-nums ${TONE_TEXT[e.tone]}`}>
              {e.verdict}
              {e.ended && <span className="font-medium"> ({e.ended})</span>}
            </span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onClear} className={CLEAR}>
        Clear
      </button>
    </div>
  );
}
