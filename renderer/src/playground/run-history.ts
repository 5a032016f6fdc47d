import { PLACE_INFO, type Place } from '../../../shared/places';
import { runEndedBy } from '../../../shared/session/headline';
import type { RecordedRun } from '../../../shared/session/recorded-run';
import { freezeVerdict, type FreezeTone } from '../meters/freeze-verdict';

/**
 * The results strip is a view of the session, not a second store of runs. The session
 * (`renderer/src/session/session-store.ts`) is the one kept as the source: it holds every run,
 * schema-checked, survives a reload and is what the exports write, so a strip that reads it can
 * never show a run the exports lack, or miss one they have. The strip adds only where it was
 * last cleared (`use-run-history.ts`). See ARCHITECTURE.md, "The session".
 */

/** One finished run as the results strip shows it: "Page main thread — frozen 2.81 s". */
export interface RunHistoryEntry {
  /** Stable while the session only grows: its place in the session, and when it ended. */
  readonly id: string;
  readonly place: Place;
  readonly where: string;
  readonly tone: FreezeTone;
  readonly verdict: string;
  /** Set when the run did not finish: "cancelled", "failed". */
  readonly ended: string | null;
}

/** Side by side on a 1024-pixel-wide projector: the last runs, newest last. */
export const HISTORY_MAX = 4;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A Playground run of the session as the strip words it; null for the other screens' runs. */
export function historyEntry(id: string, run: RecordedRun): RunHistoryEntry | null {
  if (run.source !== 'playground' || run.place === undefined) return null;
  const ended = runEndedBy(run.headline);
  // The record keeps the gap to a tenth of a millisecond and no frame count; a gap of 0 is what
  // a run without frames leaves, so the tone and "not measured" come out as the live verdict's.
  const worstGapMs = run.figures.worst_gap_ms ?? 0;
  const verdict = freezeVerdict({ worstGapMs, frames: worstGapMs > 0 ? 1 : 0 });
  return {
    id,
    place: run.place,
    where: PLACE_INFO[run.place].label,
    tone: verdict.tone,
    // A finished run's headline was worded from the unrounded gap, with the verdict's own words
    // ("Frozen 2.81 s"): shown as it is, the strip reads exactly as the Playground's headline did.
    verdict: ended === null && verdict.tone !== 'unmeasured' ? lowerFirst(run.headline.text) : verdict.short,
    ended,
  };
}

/**
 * The strip: the session's Playground runs after `clearedAfter` (the run that was last when
 * Clear was pressed; all of them when it is no longer in the session), newest last, at most `max`.
 */
export function stripEntries(
  runs: readonly RecordedRun[],
  clearedAfter: RecordedRun | null,
  max = HISTORY_MAX,
): RunHistoryEntry[] {
  const from = clearedAfter === null ? 0 : runs.lastIndexOf(clearedAfter) + 1;
  const entries: RunHistoryEntry[] = [];
  for (let i = from; i < runs.length; i += 1) {
    const run = runs[i];
    const entry = run && historyEntry(`${i}-${run.at}`, run);
    if (entry) entries.push(entry);
  }
  return entries.slice(-max);
}
