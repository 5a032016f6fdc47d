/**
 * How often each final balance came out over repeated runs. Plain DOM bars: it changes once
 * per run (twenty times), not once a frame.
 */
export function BalanceHistogram({
  balances,
  expected,
  runs,
  title,
  presenter = false,
}: {
  readonly balances: readonly number[];
  readonly expected: number;
  readonly runs: number;
  /** Which variant these runs were (when several histograms stand side by side). */
  readonly title?: string;
  /** Projector type: 20 px labels. */
  readonly presenter?: boolean;
}) {
  const label = presenter ? 'text-xl' : 'text-sm';
  const counts = new Map<number, number>();
  for (const b of balances) counts.set(b, (counts.get(b) ?? 0) + 1);
  if (!counts.has(expected)) counts.set(expected, 0);
  const values = [...counts.keys()].sort((a, b) => a - b);
  const tallest = Math.max(1, ...counts.values());
  return (
    <figure data-testid="balance-histogram" data-variant={title}>
      <figcaption className={`mb-2 text-slate-600 dark:text-slate-300 ${label}`}>
        {title && <strong className="text-slate-900 dark:text-slate-100">{title}: </strong>}
        final balance over {balances.length} of {runs} runs
      </figcaption>
      <div
        className="flex h-36 items-end justify-center gap-1 border-b border-slate-300 dark:border-slate-700"
        role="list"
        aria-label="Final balances and how often each occurred"
      >
        {values.map((value) => {
          const count = counts.get(value) ?? 0;
          const right = value === expected;
          return (
            <div
              key={value}
              role="listitem"
              aria-label={`${value}: ${count} ${count === 1 ? 'run' : 'runs'}`}
              className="flex max-w-16 min-w-0 flex-1 flex-col items-center justify-end gap-1"
            >
              <span className={`tabular-nums text-slate-600 dark:text-slate-300 ${label}`}>{count}</span>
              <span
                className={`w-full rounded-t ${right ? 'bg-emerald-500' : 'bg-rose-500'}`}
                style={{ height: `${(count / tallest) * 100}px`, minHeight: count > 0 ? 3 : 0 }}
              />
            </div>
          );
        })}
      </div>
      <div className="mt-1 flex justify-center gap-1">
        {values.map((value) => (
          <span
            key={value}
            className={`max-w-16 min-w-0 flex-1 text-center tabular-nums ${label} ${
              value === expected
                ? 'font-semibold text-emerald-700 dark:text-emerald-300'
                : 'text-slate-600 dark:text-slate-400'
            }`}
          >
            {value}
          </span>
        ))}
      </div>
    </figure>
  );
}
