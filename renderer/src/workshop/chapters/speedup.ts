import { formatDuration } from '../../../../shared/format/format-duration';
import type { ChapterOutcome } from '../chapter';
import { round } from './freeze-verdict';
import type { SpeedupExpectation } from './speedup-expectation';

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
 * Judged by the chapter's expectation (speedup-expectation.ts): as expected when the run with
 * `expectation.workers` workers reached at least `expectation.atLeast`. With one processor there is
 * nothing to speed up, and that is said.
 */
export function speedupOutcome(points: readonly SpeedupPoint[], expectation: SpeedupExpectation): ChapterOutcome {
  const rows = speedupRows(points);
  const figures: Record<string, number> = { cores: expectation.processors };
  for (const r of rows) {
    figures[`workers_${r.workers}_wall_ms`] = round(r.wallMs);
    figures[`workers_${r.workers}_speedup`] = round(r.speedup, 2);
  }
  const one = rows.find((r) => r.workers === 1);
  if (!one || rows.length === 0)
    return { measured: 'There was no run with one worker to compare with.', asExpected: false, figures };
  const judged = [...rows].reverse().find((r) => r.workers <= expectation.workers) ?? one;
  const list = rows.map((r) => `${r.workers} → ${formatDuration(r.wallMs)} (${r.speedup.toFixed(2)}×)`).join(', ');
  if (judged.workers === 1) {
    return {
      measured: `Only one logical processor or one worker here, so there is nothing to share: ${list}.`,
      asExpected: rows.length === 1,
      figures,
    };
  }
  const processors = `${expectation.processors} logical ${expectation.processors === 1 ? 'processor' : 'processors'}`;
  return {
    measured:
      `Workers → time: ${list}. With ${judged.workers} workers on ${processors} the work ran ` +
      `${judged.speedup.toFixed(2)}× as fast (expected ≈ ${expectation.ideal.toFixed(1)}×, ` +
      `at least ${expectation.atLeast.toFixed(1)}×).` +
      lastCoreNote(rows, judged, expectation.processors),
    asExpected: judged.speedup >= expectation.atLeast,
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
