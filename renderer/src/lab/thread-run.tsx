import { useState } from 'react';
import type { LabRunAnswer } from '../../../shared/lab/lab-ipc';
import type { Experiment, Variant } from './experiments';
import { messageOf } from '../../../shared/errors/message-of';
import { formatInSeconds } from '../../../shared/format/format-duration';

const RUN_BUTTON = [
  'rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100 focus-visible:outline-2',
  'focus-visible:outline-sky-500 disabled:opacity-50 dark:border-slate-700',
  'dark:hover:bg-slate-800',
].join(' ');

/**
 * Desktop app only: the same scenario in worker threads of Electron's main process (over the
 * `lab:run` channel). One run of the chosen variant; the answer is the verdict — the live lanes
 * are the page's Web Workers', since a main-process SharedArrayBuffer cannot reach the page.
 */
export function ThreadRun({
  experiment,
  variant,
  disabled,
}: {
  readonly experiment: Experiment;
  readonly variant: Variant;
  readonly disabled: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<(LabRunAnswer & { label: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = window.unfreeze;
  if (!api) return null;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setAnswer({ ...(await api.runLab(experiment.scenario, { ...variant.params })), label: variant.label });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button type="button" disabled={disabled || busy} onClick={() => void run()} className={RUN_BUTTON}>
        {busy ? 'Running in worker threads…' : 'Run once in worker threads'}
      </button>
      <p
        role="status"
        aria-live="polite"
        data-testid="lab-thread-result"
        className="text-slate-600 dark:text-slate-300"
      >
        {error
          ? `Worker threads: ${error}`
          : answer &&
            `Worker threads (main process), ${answer.label}: ${answer.asExpected ? '✓' : '✗'} ${answer.message} ` +
              `(${answer.threads} threads, ${formatInSeconds(answer.elapsedMs)})`}
      </p>
    </div>
  );
}
