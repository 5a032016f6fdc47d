import { useSyncExternalStore } from 'react';
import { PLACE_INFO } from '../../../shared/places';
import { formatDuration } from '../../../shared/format/format-duration';
import type { BatchSnapshot, DownloadBatch } from './download-batch';
import { FileTable } from './file-table';
import { formatBytes, formatRate } from './format';
import { TimelineCanvas } from './timeline-canvas';
import { ProgressBar } from '../ui/progress-bar';

const BUTTON = [
  'rounded-xl border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-40',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
  'dark:border-slate-600 dark:hover:bg-slate-800',
].join(' ');

/** One batch: status, overall progress, controls, the lanes timeline and the file table. */
export function BatchPanel({ batch, dark }: { readonly batch: DownloadBatch; readonly dark: boolean }) {
  const s = useSyncExternalStore(batch.subscribe, batch.getSnapshot);
  const fraction = s.totalBytes > 0 ? Math.min(1, s.receivedBytes / s.totalBytes) : 0;
  // From the click on Start on: a pause or cancel before the task exists is kept and honoured.
  const running = s.busy;
  const stoppable = running && s.status !== 'pausing' && s.status !== 'cancelling';
  const blocking = s.place === 'renderer-main';
  // "Retry failed" once the batch has ended: a paused batch resumes first.
  const ended = s.status === 'done' || s.status === 'failed' || s.status === 'cancelled';
  const failed = s.files.filter((f) => f.result?.status === 'failed').length;
  const wallMs = s.startedAt !== null && s.endedAt !== null ? s.endedAt - s.startedAt : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p
          role="status"
          aria-live="polite"
          className="text-lg font-medium"
          data-testid="download-status"
          data-status={s.status}
        >
          {statusText(s, batch.concurrency)}
        </p>
        <span className="font-mono text-2xl tabular-nums" data-testid="download-wall" data-ms={wallMs ?? undefined}>
          {formatDuration(wallMs ?? s.activeMs)}
        </span>
      </div>
      <ProgressBar
        fraction={fraction}
        label="All files"
        barClass={s.status === 'failed' ? 'bg-rose-500' : s.status === 'done' ? 'bg-emerald-500' : 'bg-sky-500'}
      />
      <p className="text-sm tabular-nums text-slate-600 dark:text-slate-300">
        {formatBytes(s.receivedBytes)} of {formatBytes(s.totalBytes)} ·{' '}
        {s.files.filter((f) => f.result?.status === 'done').length} of {s.files.length} files done
        {s.activeMs > 200 ? ` · ${formatRate((s.receivedBytes / s.activeMs) * 1000)} overall` : ''}
      </p>
      {s.error && (
        <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300" data-testid="download-error">
          {s.error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {s.status === 'paused' ? (
          <button type="button" className={BUTTON} onClick={() => void batch.resume()}>
            Resume
          </button>
        ) : (
          <button type="button" className={BUTTON} disabled={!stoppable || blocking} onClick={() => batch.pause()}>
            Pause
          </button>
        )}
        <button
          type="button"
          className={BUTTON}
          disabled={!(stoppable || s.status === 'pausing' || s.status === 'paused') || blocking}
          onClick={() => batch.cancel()}
        >
          Cancel
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={failed === 0 || !ended}
          onClick={() => void batch.retryFailed()}
        >
          Retry failed{failed > 0 ? ` (${failed})` : ''}
        </button>
        {blocking && (
          <p className="max-w-md self-center text-sm text-slate-500 dark:text-slate-400">
            A blocking run cannot be paused or cancelled: your click would wait in the same queue until it ends.
          </p>
        )}
      </div>
      <figure className="space-y-2">
        <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
          <span className="font-semibold text-slate-800 dark:text-slate-100">Timeline</span>
          <Key color="bg-slate-400 dark:bg-slate-500" label="connecting" />
          <Key color="bg-sky-500 dark:bg-sky-400" label="receiving bytes" />
          <Key color="bg-amber-500 dark:bg-amber-400" label="backing off before a retry" />
          <Key color="bg-rose-600 dark:bg-rose-400" label="failed" />
        </figcaption>
        <TimelineCanvas batch={batch} dark={dark} />
      </figure>
      <FileTable
        snapshot={s}
        onCancelFile={
          stoppable || s.status === 'pausing' || s.status === 'paused' ? (blocking ? null : batch.cancelFile) : null
        }
      />
    </div>
  );
}

function Key({ color, label }: { readonly color: string; readonly label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={`inline-block h-3 w-5 rounded-sm ${color}`} aria-hidden />
      {label}
    </span>
  );
}

function statusText(s: BatchSnapshot, concurrency: number): string {
  const where = PLACE_INFO[s.place].label;
  const n = s.files.length;
  const files = `${n.toLocaleString('en-US')} file${n === 1 ? '' : 's'}`;
  const wall = s.startedAt !== null && s.endedAt !== null ? formatDuration(s.endedAt - s.startedAt) : '';
  switch (s.status) {
    case 'idle':
      return `Ready: ${files}.`;
    case 'starting':
    case 'resuming':
    case 'restarting':
    case 'running':
      return `Downloading ${files} on ${where}, ${concurrency === 1 ? 'one at a time' : `up to ${concurrency} at once`}…`;
    case 'pausing':
      return 'Pausing…';
    case 'cancelling':
      return 'Cancelling…';
    case 'paused':
      return 'Paused. Resume continues each file where it stopped, with the retries it has left.';
    case 'done': {
      const done = s.files.filter((f) => f.result?.status === 'done').length;
      return done === n
        ? `Done: ${files} in ${wall}, every SHA-256 checksum verified.`
        : `Done: ${done.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} files in ${wall} ` +
            `(${n - done} cancelled), every SHA-256 checksum verified.`;
    }
    case 'cancelled':
      return s.startedAt === null ? 'Cancelled before it started.' : `Cancelled after ${wall}.`;
    case 'failed': {
      const failed = s.files.filter((f) => f.result?.status === 'failed').length;
      return s.error
        ? `Failed after ${wall}: ${s.error}`
        : `Finished in ${wall}; ${failed} of ${n.toLocaleString('en-US')} failed. ` +
            'Retry tries them again, with their retries afresh.';
    }
  }
}
