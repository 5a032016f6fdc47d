import type { TaskEvent } from '../../../shared/host/task-event';
import { PROGRESS_INTERVAL_MS } from '../../../shared/run/progress-batcher';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type { TaskListener } from '../../../shared/run/task-request';

export type TaskEmit = (event: TaskEvent) => void;

type Lanes = readonly { lane: number; done: number; total: number }[];

export interface TaskEvents {
  readonly listener: Required<TaskListener>;
  /** Sends the task's one 'end' (later calls are ignored); returns false if it had ended. */
  end(outcome: TaskOutcome<unknown>): boolean;
  readonly ended: () => boolean;
}

/**
 * Turns a runner's callbacks into TaskEvents for one task: exactly one 'end', always last;
 * 'lanes' coalesced to at most one per progress interval (each worker already sends ~30
 * progress messages a second; a snapshot of every lane on each of them is redundant), except
 * that a change of which lanes the task occupies goes out at once. A listener that throws
 * (a window that closed mid-task) cannot break the runner or the pool.
 */
export function taskEvents(taskId: string, emit: TaskEmit, now: () => number): TaskEvents {
  let ended = false;
  let lastLanesAt = -Infinity;
  /** Which lane each of the task's shares was on in the last 'lanes' sent (-1: not started). */
  let lastShape: readonly number[] = [];
  let pendingLanes: Lanes | null = null;

  const send = (event: TaskEvent) => {
    try {
      emit(event);
    } catch (error) {
      console.error(`[task host] a listener of task ${taskId} threw:`, error);
    }
  };
  const sendLanes = (lanes: Lanes) => {
    pendingLanes = null;
    lastLanesAt = now();
    send({ type: 'lanes', taskId, lanes: lanes.map((l) => ({ ...l })) });
  };

  return {
    listener: {
      onProgress: (p) => {
        if (!ended)
          send({ type: 'progress', taskId, done: p.done, total: p.total, lane: p.lane, chunks: [...p.chunks] });
      },
      // A worker's spans go to the page as they came: the page's timeline draws them on its lane.
      onTrace: (trace, lane) => {
        if (!ended) send({ type: 'trace', taskId, lane, trace });
      },
      onLanes: (lanes) => {
        if (ended) return;
        const moved = lanes.length !== lastShape.length || lanes.some((l, i) => l.lane !== lastShape[i]);
        if (moved || now() - lastLanesAt >= PROGRESS_INTERVAL_MS) {
          lastShape = lanes.map((l) => l.lane);
          sendLanes(lanes);
        } else {
          pendingLanes = lanes;
        }
      },
    },
    end: (outcome) => {
      if (ended) return false;
      if (pendingLanes) sendLanes(pendingLanes);
      ended = true;
      send({ type: 'end', taskId, outcome });
      return true;
    },
    ended: () => ended,
  };
}
