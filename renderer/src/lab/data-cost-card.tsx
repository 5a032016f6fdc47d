import { useId, useState } from 'react';
import { formatBytes, METHOD_FACTS } from '../../../shared/datacost/data-cost-methods';
import { CARD } from '../ui/card';
import { ProgressBar } from '../ui/progress-bar';
import { SegmentedControl } from '../ui/segmented-control';
import type { DataCostFigure } from './data-cost-chart';
import { DataCostResults, FIGURE_LABELS } from './data-cost-results';
import type { DataCostSweep } from './use-data-cost-sweep';

const FIGURES = Object.entries(FIGURE_LABELS).map(([id, label]) => ({ id: id as DataCostFigure, label }));

const BUTTON =
  'rounded-lg px-4 py-2 text-base font-medium focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-sky-500';
const RUN_BUTTON = `${BUTTON} bg-sky-700 text-white hover:bg-sky-800`;
const CANCEL_BUTTON =
  `${BUTTON} border border-rose-300 text-rose-700 hover:bg-rose-50 ` +
  'dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950';

function statusText(sweep: DataCostSweep): string {
  const { phase, done, total, error } = sweep.view;
  if (phase === 'running') return `Moving payloads… ${done} of ${total} sizes and methods measured.`;
  if (phase === 'failed') return `The sweep failed: ${error ?? 'no reason given'}`;
  if (phase === 'cancelled') return `Cancelled after ${done} of ${total}.`;
  if (phase === 'done') return `Done: ${done} sizes and methods, each the median of three moves.`;
  return 'Press Run: payloads from 1 KiB to 64 MiB go to a Web Worker and back, each way of moving them in turn.';
}

/**
 * "Moving data costs too" in the Concurrency lab: Run, the figure to chart, the sweep's status and
 * its results. The sweep (a hook) is passed in by the screen, so it lives as long as the screen.
 */
export function DataCostCard({ sweep, desktop }: { readonly sweep: DataCostSweep; readonly desktop: boolean }) {
  const headingId = useId();
  const [figure, setFigure] = useState<DataCostFigure>('blockedMs');
  const { view, methods } = sweep;
  const running = view.phase === 'running';
  return (
    <section className={`${CARD} space-y-4`} aria-labelledby={headingId} data-testid="data-cost-card">
      <header className="space-y-1">
        <h3 id={headingId} className="text-xl font-semibold">
          Moving data costs too
        </h3>
        <p className="text-base text-slate-600 dark:text-slate-300">
          A worker gets its data by message. A structured clone copies it, object by object, while the sender waits; a
          transferred ArrayBuffer changes hands without a copy; a SharedArrayBuffer never moves at all.
        </p>
      </header>
      <div className="flex flex-wrap items-center gap-3">
        {running ? (
          <button type="button" onClick={sweep.cancel} className={CANCEL_BUTTON}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={() => void sweep.start()} className={RUN_BUTTON}>
            Run
          </button>
        )}
        <SegmentedControl
          label="Figure on the chart"
          hideLabel
          value={figure}
          options={FIGURES.map((f) => ({ value: f.id, label: f.label }))}
          onChange={setFigure}
          textClass="text-base"
        />
      </div>
      <div className="space-y-2">
        <p
          role="status"
          aria-live="polite"
          className="text-base font-medium"
          data-testid="data-cost-status"
          data-phase={view.phase}
          data-finished={view.finished}
        >
          {statusText(sweep)}
        </p>
        {running && <ProgressBar fraction={view.total > 0 ? view.done / view.total : 0} label="Sweep progress" />}
      </div>
      <DataCostResults samples={view.samples} methods={methods} figure={figure} />
      <p className="text-base text-slate-600 dark:text-slate-300">
        {desktop
          ? 'Electron IPC passes through the main process; a MessagePort goes to the utility process directly.'
          : 'Electron IPC and a MessagePort to a utility process are measured only in the desktop app.'}{' '}
        Objects stop at {formatBytes(METHOD_FACTS['clone-objects'].maxBytes)}: building more takes the page longer than
        the clone.
      </p>
    </section>
  );
}
