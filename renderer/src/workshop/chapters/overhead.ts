import { formatDuration } from '../../../../shared/format/format-duration';
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

/**
 * What the chapter promises, and the thresholds that decide it: the "Expected" sentence is written
 * from these numbers. The overhead range is wide on purpose and says why: a message costs tens of
 * µs on a quiet computer and a few hundred on a busy one (165 µs was measured on a loaded 2-core box).
 */
export const OVERHEAD_EXPECTATION = {
  /** A message per task takes at least this many times the inline loop. */
  slowerAtLeast: 2,
  /** The overhead per task, (message − inline) ÷ tasks, lies in this range (µs). */
  overheadUs: [5, 1000] as const,
} as const;

const E = OVERHEAD_EXPECTATION;

export const OVERHEAD_EXPECTED_TEXT =
  `A message per task takes at least ${E.slowerAtLeast}× the inline time; the overhead per task, ` +
  `(message − inline) ÷ tasks, is ${E.overheadUs[0]}–${E.overheadUs[1].toLocaleString('en-US')} µs ` +
  '(tens of µs on a quiet computer, hundreds on a busy one). One batch per worker is faster than a message per task.';

/** As expected when a message per task cost what OVERHEAD_EXPECTATION says, and batching won it back. */
export function overheadOutcome(r: OverheadRuns): ChapterOutcome {
  const overheadUs = ((r.perTaskMs - r.inlineMs) / r.tasks) * 1000;
  const inlineUs = (r.inlineMs / r.tasks) * 1000;
  const slower = r.inlineMs > 0 ? r.perTaskMs / r.inlineMs : Number.POSITIVE_INFINITY;
  const n = r.tasks.toLocaleString('en-US');
  return {
    measured:
      `${n} tiny tasks: inline ${formatDuration(r.inlineMs)} (${inlineUs.toFixed(1)} µs a task); ` +
      `one worker message per task ${formatDuration(r.perTaskMs)}` +
      (Number.isFinite(slower)
        ? ` (${slower.toFixed(1)}× the inline time, ≈ ${Math.round(overheadUs)} µs of overhead per task)`
        : '') +
      `; batched into ${r.workers} ${r.workers === 1 ? 'share' : 'shares'} ${formatDuration(r.batchedMs)}.`,
    asExpected:
      slower >= E.slowerAtLeast &&
      overheadUs >= E.overheadUs[0] &&
      overheadUs <= E.overheadUs[1] &&
      r.batchedMs < r.perTaskMs,
    figures: {
      tasks: r.tasks,
      workers: r.workers,
      inline_ms: round(r.inlineMs, 2),
      per_task_message_ms: round(r.perTaskMs, 2),
      batched_ms: round(r.batchedMs, 2),
      overhead_per_task_us: round(overheadUs, 1),
      inline_per_task_us: round(inlineUs, 2),
    },
  };
}
