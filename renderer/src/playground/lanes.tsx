import { PLACE_INFO } from '../../../shared/places';
import { laneColor } from '../ui/lane-colors';
import type { RunView } from './use-task-run';

/** One bar per worker: how much of the task each one took on, and how far it got. */
export function Lanes({ view }: { view: RunView }) {
  if (!view.place || view.lanes.length === 0) return null;
  const onPage = !PLACE_INFO[view.place].keepsPageResponsive || view.place === 'renderer-sliced';
  return (
    <ul aria-label="Work per worker" className="space-y-1.5" data-testid="lanes">
      {view.lanes.map((l, i) => {
        const lane = l.lane < 0 ? i : l.lane;
        const color = laneColor(lane, onPage);
        const share = l.total > 0 ? l.done / l.total : 0;
        return (
          <li key={i} className="flex items-center gap-3 text-sm">
            <span className="inline-block size-3 shrink-0 rounded-sm" style={{ background: color }} aria-hidden />
            <span className="w-36 shrink-0">{onPage ? 'Page main thread' : `Worker ${lane + 1}`}</span>
            <span className="h-2 grow overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
              <span className="block h-full origin-left rounded-full" style={{ transform: `scaleX(${share})`, background: color }} />
            </span>
            <span className="w-12 text-right tabular-nums text-slate-500 dark:text-slate-400">{Math.round(share * 100)}%</span>
          </li>
        );
      })}
    </ul>
  );
}
