import type { Place } from '../../../shared/places';
import { calibrate, type Calibration } from '../../../shared/workloads/presets';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type { TaskListener, TaskRequest } from '../../../shared/run/task-request';
import { measuredRun, type MeasuredRun } from '../run/measured-run';
import { RunSignal } from '../run/run-signal';

export type { MeasuredRun };
/** Lets a chapter stop what it started (Esc); `cancel` reaches the task running now, if any. */
export { RunSignal };

/**
 * Runs one task in one place with the page's frame meter around it: the renderer's one run
 * lifecycle (`measuredRun`), with the chapter's signal. Bad parameters or an unavailable place
 * end as a failed outcome.
 */
export function measureRun(
  place: Place,
  request: TaskRequest,
  signal: RunSignal,
  listener: Partial<TaskListener> = {},
): Promise<MeasuredRun> {
  return measuredRun(place, request, { signal, listener });
}

/** Why a run did not finish, as a sentence for the "measured" box; null when it finished. */
export function notDone(outcome: TaskOutcome<unknown>, what: string): string | null {
  if (outcome.status === 'done') return null;
  if (outcome.status === 'cancelled') return `The ${what} was cancelled before it finished.`;
  return `The ${what} failed: ${outcome.message}`;
}

/**
 * A run asked for before the page's calibration has finished (Space pressed at once) measures
 * this computer itself, about 0.1 s, rather than fail.
 */
export function calibrateNow(): Calibration {
  return calibrate(() => performance.now());
}
