import { memo } from 'react';
import { FrameChart } from './frame-chart';
import type { RunResponsiveness } from './frame-meter';
import { FreezeCue } from './freeze-cue';
import { InputProbe } from './input-probe';
import { LiveVerdict } from './live-verdict';
import { RunFigures } from './run-figures';
import { Spinners } from './spinners';

export interface MetersPanelProps {
  lastRun: RunResponsiveness | null;
  running: boolean;
}

const CARD = 'rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900';

/**
 * The always-on meters: two spinners and an input probe to feel the freeze, a live frame-gap
 * chart to see it, and the last run's figures to put a number on it.
 */
export const MetersPanel = memo(function MetersPanel({ lastRun, running }: MetersPanelProps) {
  return (
    <section aria-labelledby="meters-heading" className="@container space-y-6">
      <div className={CARD}>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 id="meters-heading" className="text-lg font-semibold">
            Is this page responsive?
          </h2>
          <LiveVerdict />
        </div>
        <div className="grid gap-6 @4xl:grid-cols-2">
          <Spinners />
          <InputProbe
            lastRun={lastRun}
            className="border-t border-slate-200 pt-5 @4xl:border-t-0 @4xl:pt-0 dark:border-slate-800"
          />
        </div>
      </div>

      <div className={CARD}>
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h3 className="text-lg font-semibold">Frame gaps, last 10 s</h3>
          <p className="text-base text-slate-600 dark:text-slate-300">time between frames; over 50 ms turns red</p>
        </div>
        <div className="relative">
          <FrameChart />
          <FreezeCue title="Frozen" detail="No new frame: this chart waits for the page’s thread." />
        </div>
      </div>

      <div className={CARD} aria-live="polite">
        <h3 className="mb-3 text-lg font-semibold">Last run</h3>
        {running ? (
          <p className="text-lg text-slate-600 dark:text-slate-300" data-testid="meters-measuring">
            Measuring this run… the figures appear when it ends.
          </p>
        ) : lastRun === null ? (
          <p className="text-lg text-slate-600 dark:text-slate-300">
            Start a run to see how responsive the page stayed.
          </p>
        ) : (
          <RunFigures run={lastRun} />
        )}
      </div>
    </section>
  );
});
