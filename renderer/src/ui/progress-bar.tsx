/** The app's progress bar: one look everywhere, and cheap to update. */
export function ProgressBar({
  fraction,
  label,
  barClass = 'bg-sky-500',
  size = 'md',
  className = '',
}: {
  /** 0..1; values outside are clamped. */
  readonly fraction: number;
  readonly label: string;
  /** The filled part's colour classes. */
  readonly barClass?: string;
  readonly size?: 'sm' | 'md';
  readonly className?: string;
}) {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(f * 100)}
      className={`${size === 'sm' ? 'h-2' : 'h-3'} overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800 ${className}`}
    >
      {/* A transform, not a width: it is composited without layout or paint. */}
      <div className={`h-full origin-left rounded-full ${barClass}`} style={{ transform: `scaleX(${f})` }} />
    </div>
  );
}
