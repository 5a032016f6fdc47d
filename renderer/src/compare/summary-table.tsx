import type { CompareSummary, SummaryRow, Tone } from '../../../shared/compare/compare-summary';
import type { Pane } from '../../../shared/compare/compare-protocol';
import { formatDuration } from '../../../shared/format/format-duration';

const TONES: Readonly<Record<'good' | 'bad', string>> = {
  good: 'bg-emerald-100 font-semibold text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  bad: 'bg-rose-100 font-semibold text-rose-900 dark:bg-rose-900/50 dark:text-rose-100',
};
const toneClass = (tone: Tone) => (tone === null ? '' : TONES[tone]);

function cellText(row: SummaryRow, pane: Pane): string {
  const value = row[pane];
  if (value === null) return row.key === 'mainStall' ? 'n/a (web)' : 'no input';
  return row.unit === 'count' ? String(value) : formatDuration(value);
}

/**
 * The two panes' figures side by side, each judged on its own (shared/compare/compare-summary.ts):
 * green within the smooth line, red past the frozen one, plain where nothing is judged. `verdict`
 * puts the summary's sentence above the table (the desktop screen); the web screen shows it at the top.
 */
export function SummaryTable({
  summary,
  labels,
  verdict,
}: {
  readonly summary: CompareSummary;
  readonly labels: Readonly<Record<Pane, string>>;
  readonly verdict: boolean;
}) {
  return (
    <div className="space-y-3" data-testid="compare-summary">
      {verdict && (
        <p role="status" aria-live="polite" className="text-lg font-semibold" data-testid="compare-verdict">
          {summary.verdict}
        </p>
      )}
      <table className="w-full text-base tabular-nums">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="py-2 font-medium">
              Figure
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Left: {labels.left}
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Right: {labels.right}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr
              key={row.key}
              className="border-b border-slate-100 dark:border-slate-800"
              data-testid={`summary-${row.key}`}
              data-left={row.left ?? ''}
              data-right={row.right ?? ''}
              data-tone-left={row.tone.left ?? ''}
              data-tone-right={row.tone.right ?? ''}
            >
              <th scope="row" className="py-2 text-left font-medium">
                {row.label}
              </th>
              {(['left', 'right'] as const).map((pane) => (
                <td key={pane} className={`rounded py-2 pr-2 text-right ${toneClass(row.tone[pane])}`}>
                  {cellText(row, pane)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="start-skew" data-ms={summary.startSkewMs}>
        The two panes began {formatDuration(summary.startSkewMs)} apart
        {summary.startSkewMs > 50 ? ': one of them could not even start on time, because its thread was busy.' : '.'}
      </p>
    </div>
  );
}
