import type { HostPlace } from '../../../shared/host/host-places';
import { taskEventSchema, type TaskEvent } from '../../../shared/host/task-event';
import type { UnfreezeApi } from '../../../shared/ipc/unfreeze-api';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type { RunningTask, TaskListener, TaskRequest } from '../../../shared/run/task-request';
import { describeIssues } from '../../../shared/workloads/params-error';
import { getWorkload } from '../../../shared/workloads/registry';
import { messageOf } from '../../../shared/errors/message-of';

type TaskEventApi = Pick<UnfreezeApi, 'onTaskEvent'>;

export interface TaskEventHandlers {
  /** Every valid event of the task, 'end' included. */
  onEvent(event: TaskEvent): void;
  /** An event that names the task but does not match the schema. */
  onMalformed(message: string): void;
}

/**
 * Listens to the events of one task. Events come for every task of this window (the crash lab's
 * too), so they are filtered by id first. Returns the unsubscribe function.
 *
 * Trust boundary: a task event enters the page from the main process. The main process does not
 * check what it sends; the page checks what it relies on, here (the event) and in startHostTask
 * (its chunks, against the workload), because the preload cannot run zod.
 */
export function watchTaskEvents(api: TaskEventApi, taskId: string, handlers: TaskEventHandlers): () => void {
  return api.onTaskEvent((raw: unknown) => {
    // Only an event that names this task can be held against it; others are someone else's.
    if (typeof raw !== 'object' || raw === null || !('taskId' in raw) || raw.taskId !== taskId) return;
    const parsed = taskEventSchema.safeParse(raw);
    if (parsed.success) handlers.onEvent(parsed.data);
    else handlers.onMalformed(`The main process sent a malformed task event: ${describeIssues(parsed.error)}`);
  });
}

type HostApi = Pick<UnfreezeApi, 'startTask' | 'cancelTask' | 'onTaskEvent'>;

export interface HostTaskOptions {
  readonly newId?: () => string;
  readonly now?: () => number;
  /** Into how many shares a pool place splits the work; the pool's size when omitted. */
  readonly shards?: number;
}

/**
 * Runs a task in one of the main process's places through `window.unfreeze`. The renderer picks
 * the id and subscribes before starting, so not even the first event can be missed. Parameters are
 * not checked here: the main process checks every request where it arrives, and bad parameters come
 * back as its 'bad-request' ("Invalid request for "task:start": Invalid … parameters: …"). That
 * and every other failure — a refused start, a malformed event or chunk — end the outcome as 'failed'.
 */
export function startHostTask(
  api: HostApi,
  place: HostPlace,
  request: TaskRequest,
  listener: TaskListener,
  { newId = () => crypto.randomUUID(), now = () => performance.now(), shards }: HostTaskOptions = {},
): RunningTask {
  const workload = getWorkload(request.workload);
  const taskId = newId();
  const started = now();
  let settled = false;
  let resolve!: (outcome: TaskOutcome<unknown>) => void;
  const outcome = new Promise<TaskOutcome<unknown>>((r) => (resolve = r));

  const finish = (o: TaskOutcome<unknown>): void => {
    if (settled) return;
    settled = true;
    unsubscribe();
    resolve(o);
  };
  // Our own failure (bad data from the main side): stop the work there, which is still running.
  const fail = (message: string): void => {
    if (settled) return;
    finish({ status: 'failed', message, elapsedMs: now() - started });
    api.cancelTask(taskId).catch(() => {
      // The task may already be over there; nothing more to stop.
    });
  };

  const unsubscribe = watchTaskEvents(api, taskId, {
    onEvent: (event) => {
      if (settled) return;
      switch (event.type) {
        case 'progress': {
          const chunks: unknown[] = [];
          for (const chunk of event.chunks) {
            const checked = workload.chunk.safeParse(chunk);
            if (!checked.success)
              return fail(`The main process sent a malformed chunk: ${describeIssues(checked.error)}`);
            chunks.push(checked.data);
          }
          listener.onProgress({ done: event.done, total: event.total, chunks, lane: event.lane });
          return;
        }
        case 'lanes':
          listener.onLanes?.(event.lanes);
          return;
        case 'trace':
          listener.onTrace?.(event.trace, event.lane);
          return;
        case 'end':
          return finish(event.outcome);
      }
    },
    onMalformed: fail,
  });

  (shards === undefined ? api.startTask(taskId, place, request) : api.startTask(taskId, place, request, shards)).catch(
    (error: unknown) => {
      finish({ status: 'failed', message: messageOf(error), elapsedMs: now() - started });
    },
  );

  return {
    cancel: () => {
      if (settled) return;
      // The outcome still comes as the task's 'end' event; a refused cancel changes nothing.
      api
        .cancelTask(taskId)
        .catch((error: unknown) => console.warn(`Could not cancel task ${taskId}: ${messageOf(error)}`));
    },
    outcome,
  };
}
