import { useEffect, useRef, type ReactNode } from 'react';
import { liveTick } from '../meters/live-tick';
import { PLACE_INFO } from '../../../shared/places';
import { getWorkload } from '../../../shared/workloads/registry';
import { formatDuration as formatSeconds } from '../../../shared/format/format-duration';
import type { RunView } from './use-task-run';
import { ProgressBar } from '../ui/progress-bar';
import { useRunProgress, type RunProgress } from './run-progress';

/**
 * The status line (announced to screen readers), a live clock and a progress bar. `children`
 * (the Start and Cancel buttons) go first on the line. The result and the freeze are said by
 * the headline and the output panel.
 */
export function RunStatus({
  view,
  progress,
  children,
}: {
  view: RunView;
  progress: RunProgress;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {children}
        <p
          role="status"
          aria-live="polite"
          data-testid="run-status"
          data-phase={view.phase}
          className="min-w-64 flex-1 text-lg font-medium"
        >
          {statusText(view)}
        </p>
        <LiveClock running={view.phase === 'running'} finalMs={view.elapsedMs} />
      </div>
      <RunProgressBar progress={progress} phase={view.phase} />
      {view.error && (
        <p role="alert" className="text-base font-medium text-rose-700 dark:text-rose-300" data-testid="run-error">
          {view.error}
        </p>
      )}
    </div>
  );
}

/** The one part of the status that changes during a run: it re-renders alone (run-progress.ts). */
function RunProgressBar({ progress, phase }: { progress: RunProgress; phase: RunView['phase'] }) {
  const { done, total } = useRunProgress(progress);
  return (
    <ProgressBar
      fraction={total > 0 ? Math.min(1, done / total) : 0}
      label="Progress"
      barClass={phase === 'failed' ? 'bg-rose-500' : phase === 'cancelled' ? 'bg-slate-400' : 'bg-sky-500'}
    />
  );
}

function statusText(view: RunView): string {
  const where = view.place ? PLACE_INFO[view.place].label : '';
  const what = view.request ? getWorkload(view.request.workload).title : '';
  const took = view.elapsedMs === null ? '' : ` in ${formatSeconds(view.elapsedMs)}`;
  switch (view.phase) {
    case 'idle':
      return 'No run yet.';
    case 'starting':
    case 'running':
      return `Running ${what} on ${where}…`;
    case 'done':
      return `Done: ${what} on ${where}${took}.`;
    case 'cancelled':
      return `Cancelled after ${formatSeconds(view.elapsedMs ?? 0)}.`;
    case 'failed':
      return `Failed${took ? ` after ${formatSeconds(view.elapsedMs ?? 0)}` : ''}: ${view.error ?? 'unknown error'}`;
  }
}

/** A clock driven by animation frames (the live tick, 15 Hz): during a freeze it visibly stops. */
function LiveClock({ running, finalMs }: { running: boolean; finalMs: number | null }) {
  const el = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!running) return;
    const started = performance.now();
    // 15 updates a second read as continuous; on the live tick they share their frames with the
    // chart's and the bars' updates, so the clock adds no frame of painting of its own.
    return liveTick.subscribe((now) => {
      if (el.current) el.current.textContent = formatSeconds(Math.max(0, now - started));
    });
  }, [running]);
  return (
    <span
      ref={el}
      data-testid="elapsed"
      data-ms={finalMs ?? undefined}
      className="font-mono text-2xl whitespace-nowrap tabular-nums"
    >
      {finalMs === null ? (running ? '' : '0.00 s') : formatSeconds(finalMs)}
    </span>
  );
}
