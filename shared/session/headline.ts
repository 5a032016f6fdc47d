import { formatDuration } from '../format/format-duration';
import type { RecordedRun } from './recorded-run';

export type Headline = RecordedRun['headline'];

/**
 * The freeze, or its absence, as the one big line of a result: "Frozen 2.80 s" (red) when the
 * worst frame gap passed `frozenAfterMs`, else "Worst gap 17 ms" (green). A run that did not
 * finish says so instead, in red.
 */
export function gapHeadline(run: {
  readonly status: 'done' | 'cancelled' | 'failed';
  readonly worstGapMs: number;
  readonly frozenAfterMs: number;
}): Headline {
  if (run.status === 'cancelled') return { text: 'Cancelled', good: false };
  if (run.status === 'failed') return { text: 'Failed', good: false };
  return run.worstGapMs > run.frozenAfterMs
    ? { text: `Frozen ${formatDuration(run.worstGapMs)}`, good: false }
    : { text: `Worst gap ${formatDuration(run.worstGapMs)}`, good: true };
}

/** A workshop chapter's headline: whether this computer did what the tutorial says. */
export function expectationHeadline(asExpected: boolean): Headline {
  return asExpected ? { text: 'As expected', good: true } : { text: 'Not as expected', good: false };
}
