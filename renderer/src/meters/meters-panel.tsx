import { memo, type ReactNode } from 'react';
import { JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { formatSeconds } from '../ui/format';
import { FrameChart } from './frame-chart';
import type { RunResponsiveness } from './frame-meter';
import { FROZEN_AFTER_MS, freezeSentence } from './freeze-sentence';
import { InputProbe } from './input-probe';
import { Spinners } from './spinners';
import { useLiveSummary } from './use-live-summary';

export interface MetersPanelProps {
  lastRun: RunResponsiveness | null;
  running: boolean;
}

const CARD = 'rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900';

function LiveReadout() {
  const live = useLiveSummary();
  const worst = live.worstGapLastSecondMs;
  const janky = worst > JANK_THRESHOLD_MS;
  return (
    <p
      className={`rounded-full px-3 py-1 text-sm font-medium tabular-nums ${
        janky
          ? 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200'
          : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'
      }`}
      data-testid="live-readout"
    >
      {live.fps === 0 ? 'measuring…' : `${Math.round(live.fps)} fps · worst gap ${formatSeconds(worst)} (last 1 s)`}
    </p>
  );
}

interface FigureProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  bad?: boolean;
}

function Figure({ label, value, detail, bad = false }: FigureProps) {
  return (
    <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60">
      <dt className="text-sm text-slate-500 dark:text-slate-400">{label}</dt>
      <dd
        className={`mt-1 text-2xl font-semibold tabular-nums ${
          bad ? 'text-rose-700 dark:text-rose-300' : 'text-slate-900 dark:text-slate-100'
        }`}
      >
        {value}
      </dd>
      {detail !== undefined && <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{detail}</dd>}
    </div>
  );
}

function sentenceTone(run: RunResponsiveness): string {
  if (run.worstGapMs > FROZEN_AFTER_MS) return 'text-rose-700 dark:text-rose-300';
  if (run.worstGapMs > JANK_THRESHOLD_MS) return 'text-amber-700 dark:text-amber-300';
  return 'text-emerald-700 dark:text-emerald-300';
}

function LastRunFigures({ run }: { run: RunResponsiveness }) {
  const loaf = run.longAnimationFrames;
  const input = run.inputDelay;
  return (
    <>
      <p className={`text-lg font-semibold ${sentenceTone(run)}`} data-testid="freeze-sentence">
        {freezeSentence(run)}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 @2xl:grid-cols-4">
        <Figure
          label="Worst frame gap"
          value={
            <span data-testid="worst-gap" data-ms={run.worstGapMs}>
              {formatSeconds(run.worstGapMs)}
            </span>
          }
          detail={`${run.frames} frames drawn`}
          bad={run.worstGapMs > JANK_THRESHOLD_MS}
        />
        <Figure
          label="Frames over 50 ms"
          value={
            <span data-testid="frames-over-50" data-count={run.framesOver50}>
              {run.framesOver50}
            </span>
          }
          bad={run.framesOver50 > 0}
        />
        <Figure
          label="Long animation frames"
          value={<span data-testid="long-frames">{loaf === null ? 'n/a' : loaf.count}</span>}
          detail={
            loaf === null
              ? 'not available in this browser'
              : loaf.count === 0
                ? 'none over 50 ms'
                : `worst ${formatSeconds(loaf.worstMs)}, blocking ${formatSeconds(loaf.totalBlockingMs)}`
          }
          bad={loaf !== null && loaf.count > 0}
        />
        <Figure
          label="Input delay, p95"
          value={
            <span data-testid="input-p95" data-ms={input.p95Ms} data-count={input.count}>
              {input.count === 0 ? '—' : formatSeconds(input.p95Ms)}
            </span>
          }
          detail={
            input.count === 0
              ? 'no input during the run'
              : `${input.count} input${input.count === 1 ? '' : 's'}, worst ${formatSeconds(input.maxMs)}`
          }
          bad={input.p95Ms > FROZEN_AFTER_MS}
        />
      </dl>
    </>
  );
}

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
          <LiveReadout />
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
          <p className="text-sm text-slate-500 dark:text-slate-400">time between frames; over 50 ms turns red</p>
        </div>
        <FrameChart />
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
          <LastRunFigures run={lastRun} />
        )}
      </div>
    </section>
  );
});
