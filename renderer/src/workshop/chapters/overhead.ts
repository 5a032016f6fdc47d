import { formatSeconds } from '../../ui/format';
import type { ChapterOutcome } from '../chapter';
import { round } from './freeze-verdict';

/** The same tiny tasks three ways. */
export interface OverheadRuns {
  readonly tasks: number;
  /** All tasks in one loop on this thread. */
  readonly inlineMs: number;
  /** Each task sent to a worker as its own message. */
  readonly perTaskMs: number;
  /** The tasks split into one share per worker: one message each. */
  readonly batchedMs: number;
  readonly workers: number;
}

/** As expected when a message per task made the work slower than doing it inline. */
export function overheadOutcome(r: OverheadRuns): ChapterOutcome {
  const overheadUs = ((r.perTaskMs - r.inlineMs) / r.tasks) * 1000;
  const slower = r.inlineMs > 0 ? r.perTaskMs / r.inlineMs : Number.POSITIVE_INFINITY;
  const n = r.tasks.toLocaleString('en-US');
  return {
    measured:
      `${n} tiny tasks: inline ${formatSeconds(r.inlineMs)}; one worker message per task ${formatSeconds(r.perTaskMs)}` +
      (Number.isFinite(slower)
        ? ` (${slower.toFixed(1)}× the inline time, ≈ ${Math.round(overheadUs)} µs of overhead per task)`
        : '') +
      `; batched into ${r.workers} ${r.workers === 1 ? 'share' : 'shares'} ${formatSeconds(r.batchedMs)}.`,
    asExpected: r.perTaskMs > r.inlineMs,
    figures: {
      tasks: r.tasks,
      workers: r.workers,
      inline_ms: round(r.inlineMs, 2),
      per_task_message_ms: round(r.perTaskMs, 2),
      batched_ms: round(r.batchedMs, 2),
      overhead_per_task_us: round(overheadUs, 1),
    },
  };
}
