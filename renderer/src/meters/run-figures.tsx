import type { ReactNode } from 'react';
import { JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { formatDuration as formatSeconds } from '../../../shared/format/format-duration';
import type { RunResponsiveness } from './frame-meter';
import { FROZEN_AFTER_MS, freezeSentence } from './freeze-sentence';
import { freezeVerdict, TONE_TEXT } from './freeze-verdict';

interface FigureProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  bad?: boolean;
}

function Figure({ label, value, detail, bad = false }: FigureProps) {
  return (
    <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60">
      <dt className="text-base text-slate-600 dark:text-slate-300">{label}</dt>
      <dd
        className={`mt-1 text-2xl font-semibold tabular-nums ${
          bad ? 'text-rose-700 dark:text-rose-300' : 'text-slate-900 dark:text-slate-100'
        }`}
      >
        {value}
      </dd>
      {detail !== undefined && <dd className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">{detail}</dd>}
    </div>
  );
}

export interface RunFiguresProps {
  readonly run: RunResponsiveness;
  /** The freeze sentence above the figures; off where a headline already says it. */
  readonly sentence?: boolean;
}

/** A run's responsiveness figures: worst gap, frames over 50 ms, Long Animation Frames, input delay. */
export function RunFigures({ run, sentence = true }: RunFiguresProps) {
  const loaf = run.longAnimationFrames;
  const input = run.inputDelay;
  return (
    <>
      {sentence && (
        <p className={`text-lg font-semibold ${TONE_TEXT[freezeVerdict(run).tone]}`} data-testid="freeze-sentence">
          {freezeSentence(run)}
        </p>
      )}
      <dl className={`${sentence ? 'mt-4' : ''} grid grid-cols-2 gap-3 @2xl:grid-cols-4`}>
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
          value={
            <span data-testid="long-frames" data-worst-ms={loaf?.worstMs}>
              {loaf === null ? 'n/a' : loaf.count}
            </span>
          }
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
