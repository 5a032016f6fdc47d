import { useState } from 'react';
import { messageOf } from '../../../shared/errors/message-of';
import type { RecordedRun } from '../../../shared/session/recorded-run';
import { cardRuns, resultCard } from '../../../shared/session/result-card';
import { toCsv } from '../../../shared/session/session-csv';
import { exportFileName, sessionExport, toJson, type SessionExport } from '../../../shared/session/session-export';
import { toMarkdownTable } from '../../../shared/session/session-markdown';
import { summaryText } from '../../../shared/session/session-summary';
import { resultCardPng } from './result-card-png';
import { copyText, saveBlob, saveFile } from './save-file';
import { sessionStore, useSession } from './use-session';

const BUTTON = [
  'rounded-lg border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100 focus-visible:outline-2',
  'focus-visible:outline-sky-500 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800',
].join(' ');
const ERROR = 'text-rose-700 dark:text-rose-300';
const MUTED = 'text-slate-600 dark:text-slate-300';

type Message = { readonly ok: boolean; readonly text: string };

/**
 * The session's exports, the same on every screen: copy a five-line summary or a Markdown table,
 * download the result card as a PNG for a slide, the whole session as CSV or JSON, or clear it.
 * `source` picks the card's run (this screen's newest); `current` overrides it (a workshop
 * chapter's own latest run). Every outcome is said in the status line; failures as an alert.
 */
export function ExportBar({
  source,
  desktop,
  presenter = false,
  current,
}: {
  readonly source: RecordedRun['source'];
  readonly desktop: boolean;
  readonly presenter?: boolean;
  readonly current?: readonly RecordedRun[];
}) {
  const { runs, notice } = useSession();
  const [message, setMessage] = useState<Message | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const card = current ?? cardRuns(runs.filter((r) => r.source === source));
  const edition = desktop ? 'desktop' : 'web';
  const none = runs.length === 0;
  const make = (list: readonly RecordedRun[], kind: 'session' | 'run' = 'session'): SessionExport =>
    sessionExport(list, { kind, exportedAt: new Date().toISOString(), edition, userAgent: navigator.userAgent });
  const count = (n: number) => `${n} ${n === 1 ? 'run' : 'runs'}`;

  const download = (format: 'json' | 'csv') => {
    const session = make(runs);
    saveFile(
      exportFileName('session', session.exportedAt, format),
      format === 'json' ? toJson(session) : toCsv(session),
      format === 'json' ? 'application/json' : 'text/csv',
    );
    setMessage({ ok: true, text: `Saved ${count(runs.length)} as ${format.toUpperCase()}.` });
  };
  const copy = (text: string, what: string) => {
    void copyText(text, what).then((r) => setMessage({ ok: r.ok, text: r.message }));
  };
  const png = () => {
    const name = exportFileName('run', new Date().toISOString(), 'png');
    resultCardPng(resultCard(card, edition)).then(
      (blob) => {
        saveBlob(name, blob);
        setMessage({ ok: true, text: `Saved the result card as ${name}.` });
      },
      (error: unknown) => setMessage({ ok: false, text: `The result card could not be drawn: ${messageOf(error)}.` }),
    );
  };
  const clear = () => {
    if (!confirmClear) return setConfirmClear(true);
    sessionStore.clear();
    setConfirmClear(false);
    setMessage({ ok: true, text: 'The session is cleared.' });
  };

  const button = `${BUTTON} ${presenter ? 'text-xl' : 'text-sm'}`;
  return (
    <div
      className={`flex flex-wrap items-center gap-2 ${presenter ? 'text-xl' : 'text-sm'}`}
      data-testid="export-bar"
      role="group"
      aria-label="Export the session"
    >
      <span className={MUTED} data-testid="session-count" data-runs={runs.length}>
        Session: {count(runs.length)}
      </span>
      <button type="button" className={button} disabled={none} onClick={() => copy(summaryText(make(runs)), 'summary')}>
        Copy summary
      </button>
      <button
        type="button"
        className={button}
        disabled={none}
        onClick={() => copy(toMarkdownTable(make(runs)), 'Markdown table')}
      >
        Copy as Markdown table
      </button>
      <button type="button" className={button} disabled={card.length === 0} onClick={png}>
        Result card (PNG)
      </button>
      <button type="button" className={button} disabled={none} onClick={() => download('csv')}>
        Session (CSV)
      </button>
      <button type="button" className={button} disabled={none} onClick={() => download('json')}>
        Session (JSON)
      </button>
      <button
        type="button"
        className={button}
        disabled={none}
        onClick={clear}
        onBlur={() => setConfirmClear(false)}
        data-testid="clear-session"
      >
        {confirmClear ? `Really clear ${count(runs.length)}?` : 'Clear session'}
      </button>
      {notice && (
        <p role="alert" className={`basis-full ${ERROR}`} data-testid="session-notice">
          {notice}{' '}
          <button type="button" className="font-medium underline" onClick={() => sessionStore.dismissNotice()}>
            Dismiss
          </button>
        </p>
      )}
      <p role="status" aria-live="polite" data-testid="export-message" className={`basis-full ${MUTED}`}>
        {message?.ok ? message.text : ''}
      </p>
      {message && !message.ok && (
        <p role="alert" className={`basis-full ${ERROR}`} data-testid="export-error">
          {message.text}
        </p>
      )}
    </div>
  );
}
