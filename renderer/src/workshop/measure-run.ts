import type { Place } from '../../../shared/places';
import { calibrate, type Calibration } from '../../../shared/workloads/presets';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type { RunningTask, TaskListener, TaskRequest } from '../../../shared/run/task-request';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { meters } from '../meters/frame-meter';
import { startTask } from '../run/start-task';
import { messageOf } from '../../../shared/errors/message-of';

export interface MeasuredRun {
  readonly outcome: TaskOutcome<unknown>;
  /** Wall time from the start call to the outcome, as this page saw it. */
  readonly wallMs: number;
  readonly responsiveness: RunResponsiveness;
}

/** Lets a chapter stop what it started (Esc); `cancel` reaches the task running now, if any. */
export class RunSignal {
  cancelled = false;
  private current: RunningTask | null = null;

  attach(task: RunningTask | null): void {
    this.current = task;
    if (this.cancelled) task?.cancel();
  }

  cancel(): void {
    this.cancelled = true;
    this.current?.cancel();
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Runs one task in one place with the page's frame meter around it, the way the Playground does:
 * a frame for the "running" state to paint, the run window, and the frames after the work that
 * show the freeze's gap. Bad parameters or an unavailable place end as a failed outcome.
 */
export async function measureRun(
  place: Place,
  request: TaskRequest,
  signal: RunSignal,
  listener: Partial<TaskListener> = {},
): Promise<MeasuredRun> {
  // The meter must already be counting frames: a freeze is the gap between two of them.
  meters.start();
  await nextFrame();
  await nextFrame();
  meters.beginRun();
  const started = performance.now();
  let outcome: TaskOutcome<unknown>;
  try {
    const task = startTask(place, request, {
      onProgress: listener.onProgress ?? (() => {}),
      onLanes: listener.onLanes,
    });
    signal.attach(task);
    outcome = await task.outcome;
  } catch (error) {
    outcome = { status: 'failed', message: messageOf(error), elapsedMs: performance.now() - started };
  }
  signal.attach(null);
  const wallMs = performance.now() - started;
  const responsiveness = await meters.endRunAfterNextFrame();
  return { outcome, wallMs, responsiveness };
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
