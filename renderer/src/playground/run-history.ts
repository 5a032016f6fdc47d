import { PLACE_INFO, type Place } from '../../../shared/places';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { freezeVerdict, type FreezeTone } from '../meters/freeze-verdict';

/** One finished run as the results strip shows it: "Page main thread — frozen 2.81 s". */
export interface RunHistoryEntry {
  readonly id: number;
  readonly place: Place;
  readonly where: string;
  readonly workloadTitle: string;
  readonly tone: FreezeTone;
  readonly verdict: string;
  /** Set when the run did not finish: "cancelled", "failed". */
  readonly ended: string | null;
}

/** Side by side on a 1024-pixel-wide projector: the last runs, newest last. */
export const HISTORY_MAX = 4;

export function historyEntry(
  id: number,
  run: {
    readonly place: Place;
    readonly workloadTitle: string;
    readonly status: 'done' | 'cancelled' | 'failed';
    readonly responsiveness: RunResponsiveness;
  },
): RunHistoryEntry {
  const verdict = freezeVerdict(run.responsiveness);
  return {
    id,
    place: run.place,
    where: PLACE_INFO[run.place].label,
    workloadTitle: run.workloadTitle,
    tone: verdict.tone,
    verdict: verdict.short,
    ended: run.status === 'done' ? null : run.status,
  };
}

/** The strip after a run: the new entry last, the oldest dropped beyond `max`. */
export function withRun(
  history: readonly RunHistoryEntry[],
  entry: RunHistoryEntry,
  max = HISTORY_MAX,
): RunHistoryEntry[] {
  return [...history, entry].slice(-max);
}
