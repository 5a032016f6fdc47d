import { useId, useState } from 'react';
import { formatBytes, formatMs, METHOD_FACTS } from '../../../shared/datacost/data-cost-methods';
import { dataCostVerdict, SAMPLE_HEAD, sampleRows, worstClone } from '../../../shared/datacost/data-cost-summary';
import { CARD } from '../ui/card';
import { ProgressBar } from '../ui/progress-bar';
import { DataCostChart, METHOD_COLORS, type DataCostFigure } from './data-cost-chart';
import type { DataCostSweep } from './use-data-cost-sweep';

const FIGURES: readonly { id: DataCostFigure; label: string }[] = [
  { id: 'blockedMs', label: 'Sender blocked' },
  { id: 'receivedMs', label: 'Received after' },
  { id: 'worstGapMs', label: 'Worst frame gap' },
];

const BUTTON =
  'rounded-lg px-4 py-2 text-base font-medium focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-sky-500';
const RUN_BUTTON = `${BUTTON} bg-sky-600 text-white hover:bg-sky-700`;
const CANCEL_BUTTON =
  `${BUTTON} border border-rose-300 text-rose-700 hover:bg-rose-50 ` +
  'dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950';
const FIGURE_OPTION =
  'cursor-pointer rounded-md px-3 py-1.5 text-base has-checked:bg-white has-checked:font-medium ' +
  'has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-sky-500 dark:has-checked:bg-slate-950';

function statusText(sweep: DataCostSweep): string {
  const { phase, done, total, error } = sweep.view;
  if (phase === 'running') return `Moving payloads… ${done} of ${total} sizes and methods measured.`;
  if (phase === 'failed') return `The sweep failed: ${error ?? 'no reason given'}`;
  if (phase === 'cancelled') return `Cancelled after ${done} of ${total}.`;
  if (phase === 'done') return `Done: ${done} sizes and methods, each the median of three moves.`;
  return 'Press Run: payloads from 1 KiB to 64 MiB go to a Web Worker and back, each way of moving them in turn.';
}

/**
 * "Moving data costs too": the sweep's key number, its verdict, the log-log chart with the budgets,
 * and every figure in a table. The sweep itself (a hook) is passed in, so the workshop chapter
 * shows the same card over the run it drives.
 */
export function DataCostCard({ sweep, desktop }: { readonly sweep: DataCostSweep; readonly desktop: boolean }) {
  const headingId = useId();
  const [figure, setFigure] = useState<DataCostFigure>('blockedMs');
  const { view, methods } = sweep;
  const running = view.phase === 'running';
  const pair = worstClone(view.samples);
  const figureLabel = FIGURES.find((f) => f.id === figure)?.label ?? '';
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
        <fieldset className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800">
          <legend className="sr-only">Figure on the chart</legend>
          {FIGURES.map((f) => (
            <label key={f.id} className={FIGURE_OPTION}>
              <input
                type="radio"
                className="sr-only"
                name={`${headingId}-figure`}
                checked={figure === f.id}
                onChange={() => setFigure(f.id)}
              />
              {f.label}
            </label>
          ))}
        </fieldset>
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
      {pair && (
        <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
          <p className="text-6xl font-bold tabular-nums" data-testid="data-cost-key">
            {formatMs(pair.clone.blockedMs)}
          </p>
          <p className="max-w-xl text-lg" data-testid="data-cost-verdict">
            {dataCostVerdict(view.samples)}
          </p>
        </div>
      )}
      <DataCostChart
        samples={view.samples}
        methods={methods}
        figure={figure}
        label={`${figureLabel} against payload size, both on log scales, one line per method; dashed lines mark 10 KiB and 100 KiB`}
      />
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-base" aria-label="Methods">
        {methods.map((m) => (
          <li key={m} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-1 w-6 rounded" style={{ backgroundColor: METHOD_COLORS[m] }} />
            {METHOD_FACTS[m].label}
          </li>
        ))}
      </ul>
      <p className="text-base text-slate-600 dark:text-slate-300">
        {desktop
          ? 'Not measured yet: a MessagePort to a utility process. Electron IPC to the main process is measured above.'
          : 'In the desktop app, Electron IPC to the main process is measured too. A MessagePort to a utility ' +
            'process is not measured yet.'}{' '}
        Objects stop at {formatBytes(METHOD_FACTS['clone-objects'].maxBytes)}: building more takes the page longer than
        the clone.
      </p>
      {view.samples.length > 0 && (
        <details>
          <summary className="cursor-pointer text-base font-medium focus-visible:outline-2 focus-visible:outline-sky-500">
            Every figure
          </summary>
          <table className="mt-2 w-full text-base tabular-nums">
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-500 dark:border-slate-700 dark:text-slate-400">
                {SAMPLE_HEAD.map((h, i) => (
                  <th key={h} scope="col" className={`py-1 font-medium ${i > 1 ? 'text-right' : ''}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sampleRows(view.samples).map((cells, r) => {
                const s = view.samples[r];
                return (
                  <tr
                    key={r}
                    data-testid="data-cost-row"
                    data-method={s?.method}
                    data-bytes={s?.bytes}
                    data-blocked-ms={s?.blockedMs}
                    data-received-ms={s?.receivedMs}
                    data-round-trip-ms={s?.roundTripMs}
                    data-worst-gap-ms={s?.worstGapMs}
                    className="border-b border-slate-100 last:border-0 dark:border-slate-800"
                  >
                    {cells.map((c, i) => (
                      <td key={i} className={`py-1 ${i > 1 ? 'text-right' : ''}`}>
                        {c}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
