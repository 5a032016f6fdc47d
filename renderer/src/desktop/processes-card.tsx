import { memo } from 'react';
import { POOL_PLACES, type PoolPlace } from '../../../shared/host/host-places';
import type { PoolStateView } from '../../../shared/host/main-metrics';
import { PLACE_INFO } from '../../../shared/places';
import { CARD } from '../ui/card';
import { ColumnHeads, type ColumnHead } from '../ui/column-heads';
import { laneColor } from '../ui/lane-colors';
import { useMainMetrics } from './main-metrics';
import { processRows, processTotals, summarizePool } from './process-rows';

/** Singular name of one worker of a pool, for lane labels. */
export const WORKER_NOUN: Record<PoolPlace, string> = {
  'worker-thread': 'Worker thread',
  'utility-process': 'Utility process',
};

/** The main process's worker pools and every process of the app, as the main process sees them. */
export const ProcessesCard = memo(function ProcessesCard() {
  const { metrics, error } = useMainMetrics();
  return (
    <section aria-labelledby="processes-heading" className={CARD} data-testid="processes-card">
      <h2 id="processes-heading" className="mb-4 text-lg font-semibold">
        Inside the app: pools and processes
      </h2>
      {error && (
        <p role="alert" className="mb-3 text-sm font-medium text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      {metrics === null ? (
        <p className="text-lg text-slate-600 dark:text-slate-300">
          Waiting for the first sample from the main process…
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-x-8 gap-y-5 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)]">
          <div className="grid grid-cols-1 content-start gap-4 sm:grid-cols-2 xl:grid-cols-1">
            {POOL_PLACES.map((place) => (
              <PoolView key={place} place={place} pool={metrics.pools[place]} />
            ))}
          </div>
          <ProcessTable processes={metrics.processes} />
        </div>
      )}
    </section>
  );
});

function PoolView({ place, pool }: { place: PoolPlace; pool: PoolStateView }) {
  const s = summarizePool(pool);
  return (
    <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60" data-testid={`pool-${place}`}>
      <h3 className="font-semibold">{PLACE_INFO[place].label}</h3>
      <p className="text-sm text-slate-600 tabular-nums dark:text-slate-300">
        {s.size} workers · {s.busy} busy · {s.queued} queued ·{' '}
        <span className={s.replacements > 0 ? 'font-semibold text-amber-700 dark:text-amber-300' : ''}>
          {s.replacements} replaced
        </span>
      </p>
      <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={`${PLACE_INFO[place].label}, one entry per worker`}>
        {pool.lanes.map((l) => {
          const replaced = Math.max(0, l.spawned - 1);
          const state = l.busy ? 'busy' : l.spawned === 0 ? 'not started' : 'idle';
          const color = laneColor(l.lane, false);
          return (
            <li
              key={l.lane}
              title={`${WORKER_NOUN[place]} ${l.lane + 1}: ${state}${replaced > 0 ? `, replaced ${replaced}×` : ''}`}
              className={`flex h-9 min-w-12 items-center justify-center gap-1 rounded-lg border-2 px-2 text-sm font-semibold tabular-nums ${
                l.busy
                  ? 'text-white'
                  : l.spawned === 0
                    ? 'border-dashed border-slate-300 text-slate-400 dark:border-slate-600 dark:text-slate-500'
                    : 'border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-200'
              }`}
              style={l.busy ? { background: color, borderColor: color } : undefined}
            >
              <span>{l.lane + 1}</span>
              <span className="sr-only">
                {' '}
                {state}
                {replaced > 0 ? `, replaced ${replaced} times` : ''}
              </span>
              {replaced > 0 && (
                <span aria-hidden className="text-sm font-medium opacity-90">
                  ↻{replaced}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const PROCESS_COLUMNS: readonly ColumnHead[] = [
  'Process',
  'Name',
  // The PID matters to someone with a task manager open, not on a narrow screen.
  { label: 'PID', className: 'hidden text-right sm:table-cell' },
  { label: 'CPU', className: 'text-right' },
  { label: 'Memory', className: 'text-right' },
];

function ProcessTable({ processes }: { processes: Parameters<typeof processRows>[0] }) {
  const rows = processRows(processes);
  const totals = processTotals(rows);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums" data-testid="process-table">
        <caption className="mb-2 text-left text-base font-semibold text-slate-900 dark:text-slate-100">
          Every process of the app{' '}
          <span className="text-sm font-normal text-slate-500 dark:text-slate-400">(app.getAppMetrics)</span>
        </caption>
        <thead className="text-slate-500 dark:text-slate-400">
          <ColumnHeads
            columns={PROCESS_COLUMNS}
            cellClass="py-1.5 pr-3 font-medium last:pr-0"
            className="border-b border-slate-200 dark:border-slate-700"
          />
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.pid} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {r.kind}
              </th>
              <td className="py-1.5 pr-3 text-slate-600 dark:text-slate-300">{r.name || '—'}</td>
              <td className="hidden py-1.5 pr-3 text-right text-slate-500 sm:table-cell dark:text-slate-400">
                {r.pid}
              </td>
              <td className="py-1.5 pr-3 text-right">
                <CpuCell percent={r.cpuPercent} />
              </td>
              <td className="py-1.5 text-right whitespace-nowrap">{Math.round(r.memoryMB)} MB</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-semibold">
          <tr className="border-t border-slate-200 dark:border-slate-700">
            <th scope="row" colSpan={2} className="py-1.5 pr-3">
              {totals.count} processes
            </th>
            <td className="hidden sm:table-cell" />
            <td className="py-1.5 pr-3 text-right whitespace-nowrap">{Math.round(totals.cpuPercent)} %</td>
            <td className="py-1.5 text-right whitespace-nowrap">{Math.round(totals.memoryMB)} MB</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The figure, with a bar so a busy process stands out from across the room. */
function CpuCell({ percent }: { percent: number }) {
  const busy = percent >= 50;
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <span
        aria-hidden
        className="hidden h-2 w-16 overflow-hidden rounded-full bg-slate-200 sm:block dark:bg-slate-700"
      >
        <span
          className={`block h-full origin-left rounded-full ${busy ? 'bg-rose-500' : 'bg-sky-500'}`}
          style={{ transform: `scaleX(${Math.min(1, percent / 100)})` }}
        />
      </span>
      <span className={`w-12 whitespace-nowrap ${busy ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}`}>
        {Math.round(percent)} %
      </span>
    </span>
  );
}
