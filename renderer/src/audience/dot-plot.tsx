import type { DeviceResult } from '../../../shared/audience/audience-messages';
import { formatDuration } from '../../../shared/format/format-duration';

const WIDTH = 800;
const HEIGHT = 205;
const PAD = { left: 70, right: 16, top: 10, bottom: 34 };
/** Log scale, 5 ms to 20 s: one frame and a long freeze both have room. */
const MIN_MS = 5;
const MAX_MS = 20_000;
const TICKS = [10, 100, 1000, 10_000];
const COLUMNS = [
  { key: 'main', label: 'Page main thread', dot: 'fill-amber-500' },
  { key: 'workers', label: 'Web Workers', dot: 'fill-emerald-500' },
] as const;

const y = (ms: number) => {
  const clamped = Math.min(MAX_MS, Math.max(MIN_MS, ms));
  const f = (Math.log(clamped) - Math.log(MIN_MS)) / (Math.log(MAX_MS) - Math.log(MIN_MS));
  return PAD.top + (1 - f) * (HEIGHT - PAD.top - PAD.bottom);
};
/** A fixed spread per device (from its position), so dots do not hide each other nor jump between updates. */
const jitter = (i: number) => (((i * 0.618034) % 1) - 0.5) * 160;

/**
 * One dot per device in each column: its worst frame gap on the page's main thread and in Web
 * Workers, a faint line joining the two. SVG, redrawn when a result arrives (at most ~10 a second).
 */
export function DotPlot({ results }: { readonly results: readonly DeviceResult[] }) {
  const columnX = (c: number) => PAD.left + ((c + 0.5) * (WIDTH - PAD.left - PAD.right)) / COLUMNS.length;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full text-slate-500 dark:text-slate-400"
      role="img"
      aria-label={`Worst frame gap per device: ${results.length} devices, main thread against Web Workers`}
    >
      {TICKS.map((ms) => (
        <g key={ms}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(ms)}
            y2={y(ms)}
            className="stroke-slate-200 dark:stroke-slate-800"
          />
          <text x={PAD.left - 8} y={y(ms) + 5} textAnchor="end" className="fill-current text-[15px]">
            {formatDuration(ms)}
          </text>
        </g>
      ))}
      {results.map((r, i) => (
        <line
          key={`l-${r.label}`}
          x1={columnX(0) + jitter(i)}
          y1={y(r.main.worstGapMs)}
          x2={columnX(1) + jitter(i)}
          y2={y(r.workers.worstGapMs)}
          className="stroke-slate-300 dark:stroke-slate-700"
          strokeWidth={1}
        />
      ))}
      {COLUMNS.map((column, c) => (
        <g key={column.key}>
          {results.map((r, i) => (
            <circle
              key={r.label}
              cx={columnX(c) + jitter(i)}
              cy={y(r[column.key].worstGapMs)}
              r={7}
              className={`${column.dot} stroke-white dark:stroke-slate-900`}
              strokeWidth={1.5}
            >
              <title>{`${r.label}: ${formatDuration(r[column.key].worstGapMs)}`}</title>
            </circle>
          ))}
          <text x={columnX(c)} y={HEIGHT - 8} textAnchor="middle" className="fill-current text-[17px] font-semibold">
            {column.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
