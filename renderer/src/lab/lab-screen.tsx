import type { ScreenProps } from '../nav/screen-props';
import { CARD } from '../ui/card';
import { DataCostCard } from './data-cost-card';
import { EXPERIMENTS } from './experiments';
import { IsolationNotice } from './isolation-notice';
import { LabCard } from './lab-card';
import { useDataCostSweep } from './use-data-cost-sweep';
import { isolationProblem } from './web-lab-crew';

const ORDER = ['race', 'bank', 'deadlock', 'event', 'thread-local'] as const;

/**
 * Threads sharing memory, for real: Web Workers on one SharedArrayBuffer, synchronised with
 * Atomics (shared/sync). Each card runs one scenario of shared/lab.
 */
export function LabScreen({ desktop, dark }: ScreenProps) {
  const problem = isolationProblem();
  const dataCost = useDataCostSweep();
  return (
    <div className="space-y-6">
      <section className={CARD} aria-labelledby="lab-heading">
        <h2 id="lab-heading" className="text-xl font-semibold">
          Concurrency lab
        </h2>
        <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
          Workers that share memory: one SharedArrayBuffer, several Web Workers, and locks and events built from
          Atomics. Each lane below is one worker, read live from the shared memory — its colour faded into the track
          while it runs, solid while it holds a lock, striped red while it waits, grey once it is done.
        </p>
        <p className="mt-2 max-w-3xl text-sm text-slate-500 dark:text-slate-400">
          {desktop
            ? 'The lanes are Web Workers of this window (cross-origin isolated by the unfreeze:// scheme’s COOP/COEP). ' +
              '“Run once in worker threads” runs the very same scenario code in worker threads of Electron’s main process ' +
              'and reports its verdict.'
            : 'Every blocking wait happens in a worker; this page only reads the shared memory to draw, ' +
              'so it never freezes — not even in a deadlock.'}
        </p>
        {problem && (
          <div className="mt-4">
            <IsolationNotice problem={problem} desktop={desktop} />
          </div>
        )}
      </section>
      {!problem && (
        <div className="grid gap-6 2xl:grid-cols-2">
          {ORDER.map((id) => (
            <LabCard key={id} experiment={EXPERIMENTS[id]} dark={dark} />
          ))}
        </div>
      )}
      {/* Outside the isolation check: only its shared-memory line needs SharedArrayBuffer. */}
      <DataCostCard sweep={dataCost} desktop={desktop} />
    </div>
  );
}
