import { formatSeconds } from '../../ui/format';
import type { ChapterOutcome } from '../chapter';
import { round } from './freeze-verdict';

/** One run of the same CPU-bound work split over `workers` workers. */
export interface SpeedupPoint {
  readonly workers: number;
  readonly wallMs: number;
}

export interface SpeedupRow extends SpeedupPoint {
  /** Time with one worker divided by time with this many. */
  readonly speedup: number;
  /** Speedup per worker: 1 is perfectly linear. */
  readonly efficiency: number;
}

export function speedupRows(points: readonly SpeedupPoint[]): SpeedupRow[] {
  const one = points.find((p) => p.workers === 1);
  return [...points]
    .sort((a, b) => a.workers - b.workers)
    .map((p) => {
      const speedup = one && p.wallMs > 0 ? one.wallMs / p.wallMs : Number.NaN;
      return { ...p, speedup, efficiency: speedup / p.workers };
    });
}

/**
 * "Near-linear up to the core count": as expected when the run with as many workers as cores
 * (or fewer, if there were fewer workers) is at least 60 % of linear. Generous, because the
 * machine may be busy; with a single core there is nothing to speed up, and that is said.
 */
export function speedupOutcome(points: readonly SpeedupPoint[], cores: number): ChapterOutcome {
  const rows = speedupRows(points);
  const figures: Record<string, number> = { cores };
  for (const r of rows) {
    figures[`workers_${r.workers}_wall_ms`] = round(r.wallMs);
    figures[`workers_${r.workers}_speedup`] = round(r.speedup, 2);
  }
  const one = rows.find((r) => r.workers === 1);
  if (!one || rows.length === 0)
    return { measured: 'There was no run with one worker to compare with.', asExpected: false, figures };
  const atCores = [...rows].reverse().find((r) => r.workers <= cores) ?? one;
  const list = rows.map((r) => `${r.workers} → ${formatSeconds(r.wallMs)} (${r.speedup.toFixed(2)}×)`).join(', ');
  if (atCores.workers === 1) {
    return {
      measured: `Only one core or one worker here, so there is nothing to share: ${list}.`,
      asExpected: rows.length === 1,
      figures,
    };
  }
  return {
    measured:
      `Workers → time: ${list}. With ${atCores.workers} workers on ${cores} cores the work ran ` +
      `${atCores.speedup.toFixed(2)}× as fast (${Math.round(atCores.efficiency * 100)} % of linear).` +
      lastCoreNote(rows, atCores, cores),
    asExpected: atCores.speedup >= 0.6 * atCores.workers,
    figures,
  };
}

/**
 * The trade-off of a pool as big as the core count: its last worker shares a core with the
 * page's own thread (drawing, input, the meters). Said with this run's own figures: what that
 * worker added, against what a free core would have added, and what one worker fewer would have
 * given (the pool sizes the bench compares: cores and cores − 1).
 */
function lastCoreNote(rows: readonly SpeedupRow[], atCores: SpeedupRow, cores: number): string {
  if (atCores.workers !== cores || cores < 2) return '';
  const before = rows.find((r) => r.workers === cores - 1);
  if (!before) return '';
  const gain = atCores.speedup / before.speedup;
  return (
    ` The ${ordinal(cores)} worker shares a core with this page’s own thread: it added ${gain.toFixed(2)}× ` +
    `(a free core would add ${(cores / (cores - 1)).toFixed(2)}×). One worker fewer would leave that core to ` +
    `the page, at ${before.speedup.toFixed(2)}× instead of ${atCores.speedup.toFixed(2)}×.`
  );
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}
