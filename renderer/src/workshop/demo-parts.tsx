import type { ReactNode } from 'react';
import { ProgressBar } from '../ui/progress-bar';

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
        <tr className="border-b border-slate-200 text-left text-slate-500 dark:border-slate-700 dark:text-slate-400">
          {head.map((h, i) => (
            <th key={h} scope="col" className={`py-1.5 font-medium ${i > 0 ? 'text-right' : ''}`}>
              {h}
            </th>
          ))}
        </tr>
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
