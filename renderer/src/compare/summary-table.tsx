import type { CompareSummary, SummaryRow } from '../../../shared/compare/compare-summary';
import type { Pane } from '../../../shared/compare/compare-protocol';
import { formatSeconds } from '../ui/format';

const GOOD = 'bg-emerald-100 font-semibold text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100';
const BAD = 'bg-rose-100 font-semibold text-rose-900 dark:bg-rose-900/50 dark:text-rose-100';

function cell(row: SummaryRow, pane: Pane): { text: string; tone: string } {
  const value = row[pane];
  const text =
    value === null
      ? row.key === 'mainStall'
        ? 'n/a (web)'
        : 'no input'
      : row.unit === 'count'
        ? String(value)
        : formatSeconds(value);
  if (row.better === null || row.better === 'same') return { text, tone: '' };
  return { text, tone: row.better === pane ? GOOD : BAD };
}

/** The two panes' figures side by side, the better of each pair green and the worse red. */
export function SummaryTable({
  summary,
  labels,
}: {
  readonly summary: CompareSummary;
  readonly labels: Readonly<Record<Pane, string>>;
}) {
  return (
    <div className="space-y-3" data-testid="compare-summary">
      <p role="status" aria-live="polite" className="text-lg font-semibold" data-testid="compare-verdict">
        {summary.verdict}
      </p>
      <table className="w-full text-base tabular-nums">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500 dark:border-slate-700 dark:text-slate-400">
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
          {summary.rows.map((row) => {
            const l = cell(row, 'left');
            const r = cell(row, 'right');
            return (
              <tr
                key={row.key}
                className="border-b border-slate-100 dark:border-slate-800"
                data-testid={`summary-${row.key}`}
                data-left={row.left ?? ''}
                data-right={row.right ?? ''}
              >
                <th scope="row" className="py-2 text-left font-medium">
                  {row.label}
                </th>
                <td className={`rounded py-2 pr-2 text-right ${l.tone}`}>{l.text}</td>
                <td className={`rounded py-2 pr-2 text-right ${r.tone}`}>{r.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="start-skew" data-ms={summary.startSkewMs}>
        The two panes began {formatSeconds(summary.startSkewMs)} apart
        {summary.startSkewMs > 50 ? ': one of them could not even start on time, because its thread was busy.' : '.'}
      </p>
    </div>
  );
}
