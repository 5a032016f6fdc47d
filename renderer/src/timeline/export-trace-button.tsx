import { useSyncExternalStore } from 'react';
import { saveFile } from '../session/save-file';
import { pageTrace } from './page-trace';
import { lastTracedRun, liveRun, onTracedRun } from './run-tracer';
import { runTrace, traceFileName } from './trace-file';

const BUTTON = [
  'rounded-lg border border-slate-300 px-3 py-1.5 text-base font-medium hover:bg-slate-100 disabled:opacity-40',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
  'dark:border-slate-600 dark:hover:bg-slate-800',
].join(' ');

/** "Export trace": the latest run as a Chrome trace file, for Perfetto UI or DevTools' Load profile. */
export function ExportTraceButton() {
  const run = useSyncExternalStore(onTracedRun, lastTracedRun);
  const running = useSyncExternalStore(onTracedRun, liveRun) !== null;
  const save = () => {
    if (!run) return;
    const trace = runTrace(pageTrace.snapshot(), run);
    saveFile(traceFileName(run.place, new Date()), JSON.stringify(trace), 'application/json');
  };
  return (
    <button
      type="button"
      className={BUTTON}
      disabled={!run || running}
      onClick={save}
      title="A Chrome trace: open it in ui.perfetto.dev or DevTools’ Performance panel (Load profile)"
    >
      Export trace
    </button>
  );
}
