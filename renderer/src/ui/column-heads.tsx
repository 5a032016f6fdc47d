/** The header row's look in the app's plain tables: a rule below, muted text. */
export const HEAD_ROW = 'border-b border-slate-200 text-left text-slate-500 dark:border-slate-700 dark:text-slate-400';

/** A column heading: its text alone, or with the classes only that column has (alignment, when it shows). */
export type ColumnHead = string | { readonly label: string; readonly className: string };

/**
 * A table's header row: one `<th scope="col">` per column, so screen readers name each cell.
 * `cellClass` styles every heading; a column's own classes come after it.
 */
export function ColumnHeads({
  columns,
  cellClass,
  className,
}: {
  readonly columns: readonly ColumnHead[];
  readonly cellClass: string;
  readonly className?: string;
}) {
  return (
    <tr className={className}>
      {columns.map((c) => {
        const { label, className: own } = typeof c === 'string' ? { label: c, className: '' } : c;
        return (
          <th key={label} scope="col" className={own ? `${cellClass} ${own}` : cellClass}>
            {label}
          </th>
        );
      })}
    </tr>
  );
}
