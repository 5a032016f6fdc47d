import { CARD } from '../ui/card';
import type { Chapter } from './chapter';

const ITEM =
  'flex w-full items-start gap-2 rounded-lg px-2 py-1.5 text-left text-sm ' +
  'focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50';

/** The chapters down the side (not in presenter mode): the shown one marked, run ones dotted. */
export function ChapterList({
  chapters,
  index,
  measuredIds,
  locked,
  onShow,
}: {
  readonly chapters: readonly Chapter[];
  readonly index: number;
  readonly measuredIds: ReadonlySet<string>;
  /** While a run is under way only the shown chapter stays enabled. */
  readonly locked: boolean;
  readonly onShow: (index: number) => void;
}) {
  return (
    <nav aria-label="Chapters" className={`${CARD} h-fit`}>
      <h2 className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Chapters
      </h2>
      <ol className="space-y-1">
        {chapters.map((c, i) => (
          <li key={c.id}>
            <button
              type="button"
              onClick={() => onShow(i)}
              disabled={locked && i !== index}
              aria-current={i === index ? 'step' : undefined}
              className={`${ITEM} ${
                i === index
                  ? 'bg-sky-100 font-semibold text-sky-900 dark:bg-sky-900/50 dark:text-sky-100'
                  : 'hover:bg-slate-100 dark:hover:bg-slate-800'
              }`}
            >
              <span className="w-5 shrink-0 text-right tabular-nums text-slate-600 dark:text-slate-300">{i + 1}</span>
              <span className="flex-1">{c.concept}</span>
              {measuredIds.has(c.id) && (
                <span aria-label="measured" className="text-emerald-600 dark:text-emerald-400">
                  ●
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
