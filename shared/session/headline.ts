import { formatDuration } from '../format/format-duration';
import type { RecordedRun } from './recorded-run';

export type Headline = RecordedRun['headline'];

/** The headline of a run that did not finish: it says so instead of a figure. */
const ENDED_HEADLINES = { cancelled: 'Cancelled', failed: 'Failed' } as const;

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
  if (run.status !== 'done') return { text: ENDED_HEADLINES[run.status], good: false };
  return run.worstGapMs > run.frozenAfterMs
    ? { text: `Frozen ${formatDuration(run.worstGapMs)}`, good: false }
    : { text: `Worst gap ${formatDuration(run.worstGapMs)}`, good: true };
}

/**
 * How a run that `gapHeadline` wrote a headline for ended, read back from it: "cancelled", "failed",
 * or null when it finished. A record keeps no status field of its own; its headline says it.
 */
export function runEndedBy(headline: Headline): 'cancelled' | 'failed' | null {
  if (headline.good) return null;
  if (headline.text === ENDED_HEADLINES.cancelled) return 'cancelled';
  return headline.text === ENDED_HEADLINES.failed ? 'failed' : null;
}

/** A workshop chapter's headline: whether this computer did what the tutorial says. */
export function expectationHeadline(asExpected: boolean): Headline {
  return asExpected ? { text: 'As expected', good: true } : { text: 'Not as expected', good: false };
}
