import { formatSeconds } from '../../ui/format';
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
  const list = rows.map((r) => `${r.workers} → ${formatSeconds(r.wallMs)} (${r.speedup.toFixed(2)}×)`).join(', ');
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
      `at least ${expectation.atLeast.toFixed(1)}×).`,
    asExpected: judged.speedup >= expectation.atLeast,
    figures,
  };
}
