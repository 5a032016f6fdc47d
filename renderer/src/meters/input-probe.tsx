import { useState } from 'react';
import { formatDuration as formatSeconds } from '../../../shared/format/format-duration';
import { meters, type RunResponsiveness } from './frame-meter';
import { useLiveSummary } from './use-live-summary';

const TEXT_INPUT = [
  'w-full min-w-40 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base',
  'text-slate-900 placeholder:text-slate-400 focus-visible:outline-3',
  'focus-visible:outline-offset-1 focus-visible:outline-sky-500 dark:border-slate-600',
  'dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-500',
].join(' ');
const CLICK_BUTTON = [
  'rounded-lg border border-slate-300 bg-slate-100 px-4 py-2 text-base font-semibold',
  'text-slate-900 hover:bg-slate-200 focus-visible:outline-3 focus-visible:outline-offset-1',
  'focus-visible:outline-sky-500 active:bg-slate-300 dark:border-slate-600 dark:bg-slate-800',
  'dark:text-slate-100 dark:hover:bg-slate-700',
].join(' ');

export interface InputProbeProps {
  lastRun: RunResponsiveness | null;
  className?: string;
}

/** Something to type into and click during a run, with the measured input delay. */
export function InputProbe({ lastRun, className = '' }: InputProbeProps) {
  return (
    <div className={`space-y-4 ${className}`}>
      <InputControls />
      <InputDelays lastRun={lastRun} />
    </div>
  );
}

/** A text field and a click counter: during a freeze, keys and clicks queue up and land at once. */
export function InputControls({ className = '' }: { className?: string }) {
  const [clicks, setClicks] = useState(0);
  return (
    <div className={`flex flex-wrap items-end gap-3 ${className}`}>
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-base font-medium text-slate-700 dark:text-slate-300">
        Type here during a run
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="Keys queue up while it’s frozen"
          className={TEXT_INPUT}
        />
      </label>
      <button
        type="button"
        data-testid="click-counter"
        onClick={() => setClicks((n) => n + 1)}
        className={CLICK_BUTTON}
      >
        Clicks:{' '}
        <span data-testid="click-count" className="tabular-nums">
          {clicks}
        </span>
      </button>
    </div>
  );
}

/** The delay of the latest input anywhere on the page, and the worst of the last run. */
export function InputDelays({ lastRun, className = '' }: InputProbeProps) {
  // The latest input anywhere on the page, refreshed with the meter's low-rate summary.
  const lastInput = useLiveSummary().lastInput;
  const eventTiming = meters.support.eventTiming;
  const worstInRun =
    lastRun === null ? '—' : lastRun.inputDelay.count === 0 ? 'no input' : formatSeconds(lastRun.inputDelay.maxMs);
  return (
    <div className={`space-y-2 ${className}`}>
      <dl className="grid grid-cols-2 gap-3 text-base">
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Input delay, last interaction</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="input-delay-last">
            {lastInput === null ? '—' : formatSeconds(lastInput.delayMs)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Worst during the last run</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="input-delay-worst">
            {worstInRun}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {eventTiming
          ? 'Input delay: from the moment you pressed until the page began handling it (Event Timing).'
          : 'Event Timing isn’t available in this browser, so delays are read from each event’s timestamp instead.'}
      </p>
    </div>
  );
}
