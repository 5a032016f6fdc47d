import type { AppInfo, InvokeChannel } from '../../shared/ipc/channels';
import type { CompareHandlers } from './compare-hub';
import type { InvokeHandler } from './ipc-dispatch';
import type { LabRunner } from './lab/lab-runner';
import type { TaskHandlers } from './task-ipc';

/** One handler per invoke channel of the typed map: a channel without one is a compile error. */
export type InvokeHandlers<S> = { readonly [C in InvokeChannel]: InvokeHandler<C, S> };

/**
 * What the handlers drive, passed in so this file needs no Electron: the app wires in the real
 * ones (electron/main/index.ts); tests and the desktop end-to-end suite wire in theirs.
 */
export interface InvokeHandlerDeps<S> {
  /** The task channels, from createTaskIpc: each task's events go back to the window that started it. */
  readonly tasks: Pick<TaskHandlers<S>, 'task:start' | 'task:cancel' | 'task:crash'>;
  /** The compare channels, from createCompareHub. */
  readonly compare: CompareHandlers<S>;
  readonly lab: Pick<LabRunner, 'run'>;
  /** Versions of the app and of what runs it (Electron's `app` and `process.versions` in the app). */
  readonly appInfo: () => AppInfo;
  /** The clock a ping answers with: performance.timeOrigin + performance.now() in the app. */
  readonly clock: () => number;
}

/**
 * The main process's answer to every invoke channel, in one object, from the same pieces
 * electron/main/index.ts wires in registerHandlers(). Every handler gets a payload that
 * dispatchInvoke has already checked against the channel's schema, and its answer is checked there too.
 */
export function createInvokeHandlers<S>(deps: InvokeHandlerDeps<S>): InvokeHandlers<S> {
  const { tasks, compare, lab } = deps;
  return {
    'app:info': () => deps.appInfo(),
    'task:start': tasks['task:start'],
    'task:cancel': tasks['task:cancel'],
    'task:crash': tasks['task:crash'],
    ping: () => ({ at: deps.clock() }),
    'compare:open': compare['compare:open'],
    'compare:ready': compare['compare:ready'],
    'compare:start': compare['compare:start'],
    'compare:report': compare['compare:report'],
    'lab:run': (request) => lab.run(request),
  };
}
