import { memo } from 'react';
import type { DownloadEvent, FileResult } from '../../../shared/workloads/download/download';
import type { BatchSnapshot, FileView } from './download-batch';
import { formatBytes, formatEta, formatRate } from './format';
import { ColumnHeads, type ColumnHead } from '../ui/column-heads';
import { ProgressBar } from '../ui/progress-bar';

/** Rows beyond this are left to the timeline: a thousand live rows would cost the page frames. */
export const MAX_ROWS = 100;

const COLUMNS: readonly ColumnHead[] = [
  'File',
  'Progress',
  { label: 'Rate', className: 'text-right' },
  { label: 'Time left', className: 'text-right' },
  'State',
];

/** The queue, file by file: progress, rate, time left and state. */
export function FileTable({
  snapshot,
  onCancelFile,
}: {
  readonly snapshot: BatchSnapshot;
  readonly onCancelFile: ((id: number) => void) | null;
}) {
  const rows = snapshot.files.slice(0, MAX_ROWS);
  return (
    <div className="max-h-[28rem] overflow-auto rounded-xl border border-slate-200 dark:border-slate-800">
      {/* Fixed columns: a progress update re-lays out one row, not the whole table. */}
      <table className="w-full table-fixed text-sm" data-testid="download-table">
        <colgroup>
          <col className="w-[22%]" />
          <col className="w-[30%]" />
          <col className="w-[14%]" />
          <col className="w-[12%]" />
          <col className="w-[22%]" />
        </colgroup>
        <thead className="sticky top-0 bg-slate-50 text-left text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <ColumnHeads columns={COLUMNS} cellClass="px-3 py-2 font-medium" />
        </thead>
        <tbody>
          {rows.map((f) => (
            <FileRow
              key={f.file.id}
              file={f.file}
              last={f.last}
              result={f.result}
              stopped={f.stopped}
              transferFrom={f.transferFrom}
              onCancel={onCancelFile && !f.result && f.stopped !== 'cancelled' ? onCancelFile : null}
              // Only a transferring row changes with the clock (rate, time left): the others stay put.
              at={f.last?.state === 'transferring' ? snapshot.at : 0}
            />
          ))}
        </tbody>
      </table>
      {snapshot.files.length > MAX_ROWS && (
        <p className="px-3 py-2 text-sm text-slate-500 dark:text-slate-400">
          The first {MAX_ROWS} of {snapshot.files.length.toLocaleString('en-US')} files are listed; the timeline shows
          them all.
        </p>
      )}
    </div>
  );
}

type RowProps = Pick<FileView, 'file' | 'last' | 'result' | 'stopped' | 'transferFrom'> & {
  readonly at: number;
  readonly onCancel: ((id: number) => void) | null;
};

/** Props are the file's immutable parts (each event is a new object), so unchanged rows skip rendering. */
const FileRow = memo(function FileRow(f: RowProps) {
  const at = f.at;
  const bytes = f.result?.bytes ?? f.last?.bytes ?? f.file.offset;
  const fraction = f.file.size > 0 ? Math.min(1, bytes / f.file.size) : 0;
  const rate =
    f.transferFrom && at > f.transferFrom.t + 100
      ? ((bytes - f.transferFrom.bytes) / (at - f.transferFrom.t)) * 1000
      : null;
  const state = stateOf(f);
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800" data-testid="download-row" data-state={state.key}>
      <td className="px-3 py-1.5">
        <span className="block truncate font-medium" title={f.file.name}>
          {f.file.name}
        </span>
        <span className="block text-sm text-slate-500 dark:text-slate-400">{formatBytes(f.file.size)}</span>
      </td>
      <td className="px-3 py-1.5">
        <ProgressBar fraction={fraction} label={`${f.file.name} progress`} barClass={state.bar} size="sm" />
        <span className="text-sm tabular-nums text-slate-500 dark:text-slate-400">
          {formatBytes(bytes)} of {formatBytes(f.file.size)}
        </span>
      </td>
      <td className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">
        {rate === null ? '—' : formatRate(rate)}
      </td>
      <td className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">
        {rate && rate > 0 ? formatEta(((f.file.size - bytes) / rate) * 1000) : '—'}
      </td>
      <td className="px-3 py-1.5">
        <span className="flex items-baseline justify-between gap-2">
          <span className={`font-medium ${state.text}`}>{state.label}</span>
          {f.onCancel && (
            <button
              type="button"
              onClick={() => f.onCancel?.(f.file.id)}
              aria-label={`Cancel ${f.file.name}`}
              className={[
                'rounded-md px-1.5 text-sm text-slate-500 underline-offset-2 hover:text-rose-700 hover:underline',
                'focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-slate-400',
                'dark:hover:text-rose-300',
              ].join(' ')}
            >
              Cancel
            </button>
          )}
        </span>
        {state.detail && <span className="block text-sm text-slate-500 dark:text-slate-400">{state.detail}</span>}
      </td>
    </tr>
  );
});

interface StateLook {
  readonly key: string;
  readonly label: string;
  readonly detail?: string;
  readonly bar: string;
  readonly text: string;
}

function stateOf(f: {
  readonly last: DownloadEvent | null;
  readonly result: FileResult | null;
  readonly stopped: FileView['stopped'];
}): StateLook {
  if (f.result?.status === 'done')
    return {
      key: 'done',
      label: 'Done ✓',
      detail: `SHA-256 ${f.result.sha256?.slice(0, 12)}… verified`,
      bar: 'bg-emerald-500',
      text: 'text-emerald-700 dark:text-emerald-300',
    };
  if (f.result?.status === 'failed' || f.last?.state === 'failed')
    return {
      key: 'failed',
      label: 'Failed',
      detail: f.result?.message ?? f.last?.message,
      bar: 'bg-rose-500',
      text: 'text-rose-700 dark:text-rose-300',
    };
  if (f.stopped === 'cancelled')
    return { key: 'cancelled', label: 'Cancelled', bar: 'bg-slate-400', text: 'text-slate-600 dark:text-slate-300' };
  if (f.stopped === 'paused')
    return { key: 'paused', label: 'Paused', bar: 'bg-slate-400', text: 'text-slate-600 dark:text-slate-300' };
  switch (f.last?.state) {
    case 'connecting':
      return {
        key: 'connecting',
        label: f.last.attempt > 1 ? `Connecting (attempt ${f.last.attempt})` : 'Connecting',
        bar: 'bg-sky-500',
        text: 'text-slate-700 dark:text-slate-200',
      };
    case 'transferring':
      return { key: 'transferring', label: 'Downloading', bar: 'bg-sky-500', text: 'text-sky-700 dark:text-sky-300' };
    case 'done':
      return {
        key: 'verified',
        label: 'Verified ✓',
        bar: 'bg-emerald-500',
        text: 'text-emerald-700 dark:text-emerald-300',
      };
    case 'retrying':
      return {
        key: 'retrying',
        label: 'Retrying',
        detail: f.last.message,
        bar: 'bg-amber-500',
        text: 'text-amber-700 dark:text-amber-300',
      };
    default:
      return { key: 'queued', label: 'Queued', bar: 'bg-sky-500', text: 'text-slate-500 dark:text-slate-400' };
  }
}
