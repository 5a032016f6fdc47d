import type { Place } from '../../../shared/places';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type { RunningTask, TaskListener, TaskRequest } from '../../../shared/run/task-request';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { messageOf } from '../../../shared/errors/message-of';
import { meters } from '../meters/frame-meter';
import type { RunSignal } from './run-signal';
import { startTask } from './start-task';
import { pageRunTracer, type RunTracer } from '../timeline/run-tracer';

/** What a measured run needs of the page: its frame meter, a way to start tasks, frames and a clock. */
export interface RunEnvironment {
  readonly meters: {
    start(): void;
    beginRun(): void;
    endRunAfterNextFrame(): Promise<RunResponsiveness>;
  };
  readonly startTask: (place: Place, request: TaskRequest, listener: TaskListener) => RunningTask;
  readonly nextFrame: () => Promise<void>;
  readonly now: () => number;
  /** The timeline's recorder of this run (renderer/src/timeline/run-tracer.ts); none in tests. */
  readonly tracer?: RunTracer;
}

/** This page: the frame meter, `startTask`, requestAnimationFrame and performance.now(). */
export const PAGE: RunEnvironment = {
  meters,
  startTask,
  nextFrame: () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())),
  now: () => performance.now(),
  tracer: pageRunTracer,
};

export interface MeasuredRunOptions {
  /** Cancels the run, even before its task exists: then the task never starts. */
  readonly signal?: RunSignal;
  /**
   * Frames to wait before the work, so the caller's "running" state is painted before a blocking
   * run takes the thread, and the meter starts measuring clean (2). A run that already waited for
   * an agreed instant (the compare panes) passes 0.
   */
  readonly paintFrames?: number;
  readonly listener?: Partial<TaskListener>;
  /**
   * Called as the task is started, with the page time: a blocking run does all its work (and
   * reports all its progress) inside `startTask`, so "started" is said before, not after.
   */
  readonly onStart?: (startMs: number) => void;
}

export interface MeasuredRun {
  readonly outcome: TaskOutcome<unknown>;
  /** False when no task ran: cancelled before it started, or refused (bad parameters, unavailable place). */
  readonly started: boolean;
  /** Page time (performance.now()) when the task was started, and when its outcome arrived. */
  readonly startMs: number;
  readonly endMs: number;
  /** Wall time from the start call to the outcome, as this page saw it. */
  readonly wallMs: number;
  readonly responsiveness: RunResponsiveness;
}

/**
 * The one lifecycle of a measured run in this renderer, whoever starts it (the Playground, a
 * workshop chapter, a compare pane, a download batch): frames for the "running" state to paint,
 * the meter's run window opened, the task started, its outcome awaited, and the window closed
 * after the frames that show a freeze's gap. A ParamsError or PlaceUnavailableError thrown by
 * `startTask` becomes a failed outcome; a cancel that came first means the task never starts.
 */
export async function measuredRun(
  place: Place,
  request: TaskRequest,
  options: MeasuredRunOptions = {},
  env: RunEnvironment = PAGE,
): Promise<MeasuredRun> {
  const { signal, listener = {} } = options;
  // The meter must already be counting frames: a freeze is the gap between two of them.
  env.meters.start();
  for (let i = 0; i < (options.paintFrames ?? 2); i++) await env.nextFrame();
  env.meters.beginRun();
  const startMs = env.now();
  let outcome: TaskOutcome<unknown>;
  let started = false;
  let trace: ReturnType<RunTracer['begin']> | undefined;
  if (signal?.cancelled) {
    outcome = { status: 'cancelled', elapsedMs: 0 };
  } else {
    // The timeline records the run and its workers' spans (additive: a run without a tracer is unchanged).
    trace = env.tracer?.begin(place, request, listener.onLanes);
    try {
      options.onStart?.(startMs);
      const task = env.startTask(place, request, {
        onProgress: listener.onProgress ?? (() => {}),
        ...(listener.onLanes ? { onLanes: listener.onLanes } : {}),
        ...trace?.listener,
      });
      started = true;
      signal?.attach(task);
      outcome = await task.outcome;
    } catch (error) {
      outcome = { status: 'failed', message: messageOf(error), elapsedMs: env.now() - startMs };
    }
    signal?.attach(null);
  }
  const endMs = env.now();
  const responsiveness = await env.meters.endRunAfterNextFrame();
  trace?.end(outcome, responsiveness.worstGapMs, endMs - startMs);
  return { outcome, started, startMs, endMs, wallMs: endMs - startMs, responsiveness };
}
