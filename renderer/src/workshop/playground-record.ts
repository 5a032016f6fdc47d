import { PLACE_INFO, type Place } from '../../../shared/places';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import type { TaskStatus } from '../../../shared/run/task-outcome';
import { getWorkload, type WorkloadName } from '../../../shared/workloads/registry';
import { freezeSentence } from '../meters/freeze-sentence';
import type { RecordedRun } from './session-export';

/** A gap this long is a freeze (the Playground's own threshold). */
const FROZEN_MS = 100;

/**
 * A finished Playground run as a session entry, so a workshop export holds the live demos too.
 * Expected: the page freezes exactly when the place runs on the page's (or the app's) main thread.
 */
export function playgroundRecord(run: {
  readonly place: Place;
  readonly workload: WorkloadName;
  readonly status: TaskStatus;
  readonly elapsedMs: number;
  readonly responsiveness: RunResponsiveness;
  readonly at: string;
}): RecordedRun {
  const info = PLACE_INFO[run.place];
  const r = run.responsiveness;
  const froze = r.worstGapMs > FROZEN_MS;
  return {
    source: 'playground',
    chapterId: 'playground',
    title: `Playground: ${getWorkload(run.workload).title} on ${info.label}`,
    expected: info.keepsPageResponsive
      ? 'The page stays responsive (no frame gap over 100 ms).'
      : 'The page freezes for about the whole run.',
    measured:
      run.status === 'done'
        ? freezeSentence(r)
        : `The run ${run.status === 'cancelled' ? 'was cancelled' : 'failed'} after ${Math.round(run.elapsedMs)} ms.`,
    asExpected: run.status === 'done' && froze !== info.keepsPageResponsive,
    figures: {
      wall_ms: Math.round(run.elapsedMs * 10) / 10,
      worst_gap_ms: Math.round(r.worstGapMs * 10) / 10,
      frames_over_50: r.framesOver50,
      input_delay_p95_ms: Math.round(r.inputDelay.p95Ms * 10) / 10,
    },
    at: run.at,
  };
}
