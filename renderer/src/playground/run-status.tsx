import { useEffect, useRef, type ReactNode } from 'react';
import { PLACE_INFO } from '../../../shared/places';
import { getWorkload } from '../../../shared/workloads/registry';
import { formatDuration as formatSeconds } from '../../../shared/format/format-duration';
import type { RunView } from './use-task-run';
import { ProgressBar } from '../ui/progress-bar';

/**
 * The status line (announced to screen readers), a live clock and a progress bar. `children`
 * (the Start and Cancel buttons) go first on the line. The result and the freeze are said by
 * the headline and the output panel.
 */
export function RunStatus({ view, children }: { view: RunView; children?: ReactNode }) {
  const fraction = view.total > 0 ? Math.min(1, view.done / view.total) : 0;
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
      <ProgressBar
        fraction={fraction}
        label="Progress"
        barClass={view.phase === 'failed' ? 'bg-rose-500' : view.phase === 'cancelled' ? 'bg-slate-400' : 'bg-sky-500'}
      />
      {view.error && (
        <p role="alert" className="text-base font-medium text-rose-700 dark:text-rose-300" data-testid="run-error">
          {view.error}
        </p>
      )}
    </div>
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

/** A clock driven by requestAnimationFrame: during a freeze it visibly stops. */
const CLOCK_EVERY_MS = 50;

function LiveClock({ running, finalMs }: { running: boolean; finalMs: number | null }) {
  const el = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!running) return;
    const started = performance.now();
    let shown = -Infinity;
    let frame = requestAnimationFrame(function tick(now) {
      // 20 updates a second read as continuous, and cost a third of redrawing every frame.
      if (el.current && now - shown >= CLOCK_EVERY_MS) {
        shown = now;
        el.current.textContent = formatSeconds(now - started);
      }
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
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
