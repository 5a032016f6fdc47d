import { useState } from 'react';
import { exportFileName, sessionExport, summaryText, toCsv, toJson, type RecordedRun } from './session-export';
import { copyText, saveFile } from './save-file';

const SMALL =
  'rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 ' +
  'focus-visible:outline-sky-500 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

/** Export this chapter's last run or the whole session (JSON, CSV), or copy a summary for slides. */
export function ExportBar({
  runs,
  current,
  desktop,
}: {
  readonly runs: readonly RecordedRun[];
  readonly current: RecordedRun | undefined;
  readonly desktop: boolean;
}) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const make = (kind: 'session' | 'run', list: readonly RecordedRun[]) =>
    sessionExport(list, {
      kind,
      exportedAt: new Date().toISOString(),
      edition: desktop ? 'desktop' : 'web',
      userAgent: navigator.userAgent,
    });
  const save = (kind: 'session' | 'run', list: readonly RecordedRun[], format: 'json' | 'csv') => {
    const session = make(kind, list);
    saveFile(
      exportFileName(kind, session.exportedAt, format),
      format === 'json' ? toJson(session) : toCsv(session),
      format === 'json' ? 'application/json' : 'text/csv',
    );
    setMessage({
      ok: true,
      text: `Saved ${list.length} ${list.length === 1 ? 'run' : 'runs'} as ${format.toUpperCase()}.`,
    });
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="export-bar">
      <span className="text-sm text-slate-500 dark:text-slate-400">Export:</span>
      <button
        type="button"
        className={SMALL}
        disabled={!current}
        onClick={() => current && save('run', [current], 'json')}
      >
        This run (JSON)
      </button>
      <button
        type="button"
        className={SMALL}
        disabled={runs.length === 0}
        onClick={() => save('session', runs, 'json')}
      >
        Session (JSON)
      </button>
      <button type="button" className={SMALL} disabled={runs.length === 0} onClick={() => save('session', runs, 'csv')}>
        Session (CSV)
      </button>
      <button
        type="button"
        className={SMALL}
        disabled={runs.length === 0}
        onClick={() => {
          void copyText(summaryText(make('session', runs))).then((r) => setMessage({ ok: r.ok, text: r.message }));
        }}
      >
        Copy summary
      </button>
      <p
        role="status"
        aria-live="polite"
        data-testid="export-message"
        className={`basis-full text-sm ${
          message?.ok === false ? 'text-rose-700 dark:text-rose-300' : 'text-slate-500 dark:text-slate-400'
        }`}
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}
