import { memo, useEffect, useState } from 'react';
import { PLACE_INFO, type Place } from '../../../shared/places';
import { JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import type { PingStall } from '../../../shared/stats/ping-stalls';
import { CARD } from '../ui/card';
import { formatDuration } from '../../../shared/format/format-duration';
import { mainPinger } from './main-pinger';
import { useMainMetrics } from './main-metrics';
import { mainStallSentence, stallTone, type StallTone } from './main-stall-sentence';
import { PingChart } from './ping-chart';

export interface MainRun {
  readonly place: Place;
  readonly window: { readonly startMs: number; readonly endMs: number };
}

interface Props {
  /** The last finished run, or null. */
  readonly lastRun: MainRun | null;
  readonly running: boolean;
}

const TONE: Record<StallTone, string> = {
  frozen: 'text-rose-700 dark:text-rose-300',
  slow: 'text-amber-700 dark:text-amber-300',
  fine: 'text-emerald-700 dark:text-emerald-300',
  unknown: 'text-slate-600 dark:text-slate-300',
};

/**
 * Is Electron's main process responsive? Its own event-loop delay (what it measures about
 * itself) and the page's ping (what a window feels), live; and after a run, one sentence.
 */
export const MainProcessCard = memo(function MainProcessCard({ lastRun, running }: Props) {
  useEffect(() => {
    const api = window.unfreeze;
    return api ? mainPinger.start(api) : undefined;
  }, []);

  return (
    <section aria-labelledby="main-meters-heading" className={`${CARD} @container`} data-testid="main-process-meters">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="main-meters-heading" className="text-lg font-semibold">
          Is the main process responsive?
        </h2>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Electron’s main process runs every window and all IPC
        </p>
      </div>
      <EventLoopFigures />
      <h3 className="mt-5 mb-1 text-base font-semibold">Ping from this page, last 10 s</h3>
      <p className="mb-2 text-sm text-slate-500 dark:text-slate-400">
        A ping every 100 ms; while the main process is blocked the ping waits, and the line keeps rising.
      </p>
      <PingChart />
      <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800" aria-live="polite">
        <RunVerdict lastRun={lastRun} running={running} />
      </div>
    </section>
  );
});

function EventLoopFigures() {
  const { metrics, error, recentWorstMs } = useMainMetrics();
  const loop = metrics?.eventLoop;
  const figure = (label: string, ms: number | undefined) => (
    <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60">
      <dt className="text-sm text-slate-500 dark:text-slate-400">{label}</dt>
      <dd
        className={`mt-1 text-xl font-semibold whitespace-nowrap tabular-nums @md:text-2xl ${
          ms !== undefined && ms > JANK_THRESHOLD_MS
            ? 'text-rose-700 dark:text-rose-300'
            : 'text-slate-900 dark:text-slate-100'
        }`}
      >
        {ms === undefined ? '—' : formatMs(ms)}
      </dd>
    </div>
  );
  return (
    <div>
      <h3 className="mb-2 text-base font-semibold">Event-loop delay</h3>
      <dl className="grid grid-cols-3 gap-3" data-testid="event-loop-delay">
        {figure('Median (p50)', loop?.p50)}
        {figure('p99', loop?.p99)}
        {figure('Worst, last 10 s', recentWorstMs ?? undefined)}
      </dl>
      <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
        {error ??
          (metrics === null
            ? 'Waiting for the first sample from the main process…'
            : 'How late the main process’s timers fire (perf_hooks.monitorEventLoopDelay): ' +
              'median and p99 of the latest sample. ' +
              'A blocked main process can report only once it is free again — the ping below shows the stall live.')}
      </p>
    </div>
  );
}

/** Sub-millisecond delays are normal; "0 ms" would read as not measured. */
function formatMs(ms: number): string {
  return ms < 1 ? `${ms.toFixed(1)} ms` : formatDuration(ms);
}

function RunVerdict({ lastRun, running }: Props) {
  const [stall, setStall] = useState<{ run: MainRun; stall: PingStall } | null>(null);

  useEffect(() => {
    if (lastRun === null) return;
    let current = true;
    // Waits for the ping held during the run to come back, so its whole round trip counts.
    void mainPinger.stallDuring(lastRun.window).then((s) => {
      if (current) setStall({ run: lastRun, stall: s });
    });
    return () => {
      current = false;
    };
  }, [lastRun]);

  if (running)
    return <p className="text-lg text-slate-600 dark:text-slate-300">Measuring the main process during this run…</p>;
  if (lastRun === null)
    return (
      <p className="text-lg text-slate-600 dark:text-slate-300">
        After a run, this says how long the main process kept the page waiting.
      </p>
    );
  if (lastRun.place === 'renderer-main') {
    // Pings are sent and timed on this page's thread: a frozen page delays them itself.
    return (
      <p className="text-lg text-slate-600 dark:text-slate-300" data-testid="main-stall-sentence">
        Not measured for a run on the page’s own thread: the page was frozen too, so it could not time its pings.
      </p>
    );
  }
  if (stall === null || stall.run !== lastRun)
    return <p className="text-lg text-slate-600 dark:text-slate-300">Waiting for the last ping of the run…</p>;
  return (
    <div>
      <p
        className={`text-lg font-semibold ${TONE[stallTone(stall.stall)]}`}
        data-testid="main-stall-sentence"
        data-ms={stall.stall.worstMs}
      >
        {mainStallSentence(stall.stall)}
      </p>
      <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
        Longest ping round trip while the {PLACE_INFO[lastRun.place].label} run went on ({stall.stall.pings} ping
        {stall.stall.pings === 1 ? '' : 's'}).
      </p>
    </div>
  );
}
