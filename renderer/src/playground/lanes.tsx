import { PLACE_INFO, type Place } from '../../../shared/places';
import { laneColor } from '../ui/lane-colors';
import { useRunProgress, type RunProgress } from './run-progress';

/** One bar per worker: how much of the task each one took on, and how far it got. */
export function Lanes({ place, progress }: { place: Place | null; progress: RunProgress }) {
  const { lanes } = useRunProgress(progress);
  if (!place || lanes.length === 0) return null;
  // Work on a thread that also serves the UI (this page's, or the main process's) has one colour.
  const blocking = !PLACE_INFO[place].keepsPageResponsive || place === 'renderer-sliced';
  return (
    <ul aria-label="Work per worker" className="space-y-1.5" data-testid="lanes">
      {lanes.map((l, i) => {
        const lane = l.lane < 0 ? i : l.lane;
        const color = laneColor(lane, blocking);
        const share = l.total > 0 ? l.done / l.total : 0;
        return (
          <li key={i} className="flex items-center gap-3 text-base">
            <span className="inline-block size-3 shrink-0 rounded-sm" style={{ background: color }} aria-hidden />
            <span className="w-36 shrink-0">{laneLabel(place, lane)}</span>
            <span className="h-2 grow overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
              <span
                className="block h-full origin-left rounded-full"
                style={{ transform: `scaleX(${share})`, background: color }}
              />
            </span>
            <span className="w-12 text-right tabular-nums text-slate-500 dark:text-slate-400">
              {Math.round(share * 100)}%
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function laneLabel(place: Place, lane: number): string {
  switch (place) {
    case 'renderer-main':
    case 'renderer-sliced':
      return 'Page main thread';
    case 'main-process':
      return 'Main process';
    case 'web-worker':
      return `Worker ${lane + 1}`;
    case 'worker-thread':
      return `Worker thread ${lane + 1}`;
    case 'utility-process':
      return `Utility process ${lane + 1}`;
  }
}
