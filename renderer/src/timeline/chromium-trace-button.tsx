import { useState } from 'react';
import { messageOf } from '../../../shared/errors/message-of';
import { chromiumTraceStateSchema } from '../../../shared/trace/chromium-trace-channel';

const BUTTON = [
  'rounded-lg border border-slate-300 px-3 py-1.5 text-base font-medium hover:bg-slate-100 disabled:opacity-40',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
  'dark:border-slate-600 dark:hover:bg-slate-800 aria-pressed:bg-red-100 dark:aria-pressed:bg-red-950',
].join(' ');

type Status =
  | { kind: 'idle' | 'busy' }
  | { kind: 'recording' }
  | { kind: 'saved'; path: string }
  | { kind: 'failed'; message: string };

/**
 * "Record with Chromium's tracer" (desktop only): Electron's contentTracing over every process of
 * the app, Unfreeze's own `performance.measure` tracks included; press again to stop, and the
 * file goes to the Downloads folder. Nothing is shown in a browser, which has no such tracer.
 */
export function ChromiumTraceButton() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const api = window.unfreeze;
  if (!api) return null;
  const recording = status.kind === 'recording';
  const toggle = async () => {
    setStatus({ kind: 'busy' });
    try {
      // The answer crossed a process boundary: checked before it is shown.
      const state = chromiumTraceStateSchema.parse(await api.chromiumTrace(recording ? 'stop' : 'start'));
      if (state.recording) setStatus({ kind: 'recording' });
      else setStatus(state.savedTo ? { kind: 'saved', path: state.savedTo } : { kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'failed', message: messageOf(error) });
    }
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={BUTTON}
        aria-pressed={recording}
        disabled={status.kind === 'busy'}
        onClick={() => void toggle()}
        title="Every process of the app, as Chromium sees it: open the file in ui.perfetto.dev"
      >
        {recording ? 'Stop Chromium’s tracer' : 'Record with Chromium’s tracer'}
      </button>
      {status.kind === 'recording' && <span role="status">Recording every process…</span>}
      {status.kind === 'saved' && <span role="status">Saved to {status.path}</span>}
      {status.kind === 'failed' && (
        <span role="alert" className="text-red-700 dark:text-red-300">
          Chromium’s tracer: {status.message}
        </span>
      )}
    </span>
  );
}
