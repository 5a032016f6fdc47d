import type { ReactNode } from 'react';
import { ProgressBar } from '../ui/progress-bar';
import { ColumnHeads, HEAD_ROW } from '../ui/column-heads';

/** A status line announced to screen readers, with a progress bar under it. */
export function DemoStatus({
  text,
  fraction,
  presenter,
}: {
  readonly text: string;
  readonly fraction: number | null;
  readonly presenter: boolean;
}) {
  return (
    <div className="space-y-2">
      <p
        role="status"
        aria-live="polite"
        data-testid="demo-status"
        className={presenter ? 'text-2xl font-medium' : 'text-base font-medium'}
      >
        {text}
      </p>
      {fraction !== null && <ProgressBar fraction={fraction} label="Progress" />}
    </div>
  );
}

/** A small table of figures for a demo: first column a label, the others numbers. */
export function FigureTable({
  head,
  rows,
  presenter,
}: {
  readonly head: readonly string[];
  readonly rows: readonly (readonly ReactNode[])[];
  readonly presenter: boolean;
}) {
  return (
    <table className={`w-full tabular-nums ${presenter ? 'text-xl' : 'text-sm'}`}>
      <thead>
        <ColumnHeads
          className={HEAD_ROW}
          cellClass="py-1.5 font-medium"
          columns={head.map((label, i) => (i > 0 ? { label, className: 'text-right' } : label))}
        />
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-1.5 text-left font-medium">
                  {cell}
                </th>
              ) : (
                <td key={i} className="py-1.5 text-right">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
