import { PLACE_INFO, type Place } from '../../../shared/places';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import type { TaskStatus } from '../../../shared/run/task-outcome';
import { gapHeadline } from '../../../shared/session/headline';
import type { RecordedRun } from '../../../shared/session/recorded-run';
import { getWorkload, type WorkloadName } from '../../../shared/workloads/registry';
import { FROZEN_AFTER_MS, freezeSentence } from '../meters/freeze-sentence';

const tenth = (ms: number) => Math.round(ms * 10) / 10;

/**
 * A finished Playground run as a session entry, so the exports hold the live demos too.
 * Expected: the page freezes exactly when the place runs on the page's (or the app's) main thread.
 */
export function playgroundRecord(run: {
  readonly place: Place;
  readonly workload: WorkloadName;
  /** The size picked, in seconds on one thread of this computer; absent when not known. */
  readonly sizeSeconds?: number;
  readonly status: TaskStatus;
  readonly elapsedMs: number;
  readonly responsiveness: RunResponsiveness;
  readonly at: string;
}): RecordedRun {
  const info = PLACE_INFO[run.place];
  const r = run.responsiveness;
  const froze = r.worstGapMs > FROZEN_AFTER_MS;
  const noFrames = run.status === 'done' && r.frames === 0;
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
    asExpected: run.status === 'done' && !noFrames && froze !== info.keepsPageResponsive,
    headline: noFrames
      ? { text: 'No frames drawn', good: false }
      : gapHeadline({ status: run.status, worstGapMs: r.worstGapMs, frozenAfterMs: FROZEN_AFTER_MS }),
    place: run.place,
    workload: run.workload,
    ...(run.sizeSeconds === undefined ? {} : { sizeSeconds: run.sizeSeconds }),
    figures: {
      wall_ms: tenth(run.elapsedMs),
      worst_gap_ms: tenth(r.worstGapMs),
      frames_over_50: r.framesOver50,
      input_delay_p95_ms: tenth(r.inputDelay.p95Ms),
    },
    at: run.at,
  };
}
