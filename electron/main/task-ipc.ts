import { performance } from 'node:perf_hooks';
import type { TaskEvent } from '../../shared/host/task-event';
import type { IpcResult } from '../../shared/ipc/result';
import { RequestRefusedError, type InvokeHandlers } from './ipc-dispatch';
import type { TaskHost } from './task-host/task-host';
import { messageOf } from '../../shared/errors/message-of';
import { createSenderQuota, type SenderQuota } from './sender-quota';

/** The slice of the task host that the IPC handlers drive. */
export type TaskHostPort = Pick<TaskHost, 'start' | 'startCrash' | 'cancel'>;

/** A window as the router sees it: Electron's WebContents in the app, a plain object in tests. */
export interface EventTarget {
  readonly id: number;
  isDestroyed(): boolean;
}

export interface TaskIpcOptions<S extends EventTarget> {
  readonly host: TaskHostPort;
  /** Sends one task event to one window (ipc-main.ts's sendEvent in the app). */
  readonly send: (target: S, event: TaskEvent) => IpcResult<unknown>;
  readonly now?: () => number;
  /** How many tasks each window may have at once (sender-quota.ts); MAX_TASKS_PER_WINDOW by default. */
  readonly quota?: SenderQuota;
}

/** The task channels' handlers; electron/main/invoke-handlers.ts puts them with the others. */
export type TaskHandlers<S> = Pick<InvokeHandlers<S>, 'task:start' | 'task:cancel' | 'task:crash'>;

export interface TaskIpc<S> {
  readonly handlers: TaskHandlers<S>;
  /**
   * A window went away: its tasks are cancelled and nothing more is sent to it. Takes the id,
   * read while the window was alive: a destroyed WebContents may not answer even that.
   */
  senderGone(senderId: number): void;
  /** How many tasks are still routed to a window (for tests and logs). */
  routed(): number;
}

interface Route<S> {
  readonly sender: S;
  readonly senderId: number;
  readonly started: number;
  closed: boolean;
}

/**
 * The IPC side of the task host, without Electron: which window started which task, so every
 * event of a task goes to that window and no other; a task whose window is gone is cancelled;
 * an event that cannot be sent ends the task as 'failed' (the page always gets its one 'end')
 * instead of leaving the page waiting. Whatever the host refuses (bad parameters, a task id in
 * use) comes back to the caller as a 'bad-request' with the host's own message.
 */
export function createTaskIpc<S extends EventTarget>(options: TaskIpcOptions<S>): TaskIpc<S> {
  const { host, send } = options;
  const now = options.now ?? (() => performance.now());
  const routes = new Map<string, Route<S>>();
  const quota = options.quota ?? createSenderQuota();

  const close = (taskId: string, route: Route<S>) => {
    if (route.closed) return;
    route.closed = true;
    quota.give(route.senderId);
    if (routes.get(taskId) === route) routes.delete(taskId);
  };

  /** Ends a task on our side: closed first, so the 'end' the host sends on cancel is dropped. */
  const abandon = (taskId: string, route: Route<S>) => {
    close(taskId, route);
    host.cancel(taskId);
  };

  const deliver = (taskId: string, route: Route<S>, event: TaskEvent) => {
    if (route.closed) return;
    if (route.sender.isDestroyed()) {
      if (event.type === 'end') close(taskId, route);
      else abandon(taskId, route);
      return;
    }
    if (event.type === 'end') close(taskId, route);
    const sent = send(route.sender, event);
    if (sent.ok) return;
    console.error(`[ipc] ${sent.error.message}`);
    if (event.type !== 'end') abandon(taskId, route);
    send(route.sender, {
      type: 'end',
      taskId,
      outcome: { status: 'failed', message: sent.error.message, elapsedMs: Math.max(0, now() - route.started) },
    });
  };

  /** Registers the route before the host runs anything, so not even a synchronous first event is lost. */
  const begin = (taskId: string, sender: S, launch: (emit: (event: TaskEvent) => void) => void) => {
    if (routes.has(taskId)) throw new RequestRefusedError(`Task ${taskId} is already running`);
    try {
      quota.take(sender.id);
    } catch (error) {
      throw new RequestRefusedError(messageOf(error));
    }
    const route: Route<S> = { sender, senderId: sender.id, started: now(), closed: false };
    routes.set(taskId, route);
    try {
      launch((event) => deliver(taskId, route, event));
    } catch (error) {
      // The host starts nothing when it throws, so there is nothing to cancel.
      close(taskId, route);
      throw new RequestRefusedError(messageOf(error));
    }
  };

  const handlers: TaskHandlers<S> = {
    'task:start': ({ taskId, place, request, shards }, { sender }) => {
      begin(taskId, sender, (emit) => host.start(taskId, place, request, emit, shards));
      return undefined;
    },
    'task:crash': ({ taskId, place, mode }, { sender }) => {
      begin(taskId, sender, (emit) => host.startCrash(taskId, place, mode, emit));
      return undefined;
    },
    'task:cancel': ({ taskId }, { sender }) => {
      const route = routes.get(taskId);
      // Already over (its 'end' is on the way or arrived): nothing left to stop.
      if (!route) return undefined;
      if (route.senderId !== sender.id) throw new RequestRefusedError(`Task ${taskId} belongs to another window`);
      host.cancel(taskId);
      return undefined;
    },
  };

  return {
    handlers,
    senderGone(senderId) {
      for (const [taskId, route] of [...routes]) {
        if (route.senderId === senderId) abandon(taskId, route);
      }
    },
    routed: () => routes.size,
  };
}
