import type { AppInfo, InvokeChannel } from '../../shared/ipc/channels';
import type { CompareHandlers } from './compare-hub';
import type { InvokeHandler } from './ipc-dispatch';
import type { LabRunner } from './lab/lab-runner';
import type { TaskHandlers } from './task-ipc';

/** One handler per invoke channel of the typed map: a channel without one is a compile error. */
export type InvokeHandlers<S> = { readonly [C in InvokeChannel]: InvokeHandler<C, S> };

/** The main-side pieces the handlers delegate to; `S` is the sender (WebContents in the app). */
export interface InvokeHandlerDeps<S> {
  /** The app's version and those of the runtimes inside it (app.getVersion(), process.versions). */
  readonly appInfo: () => AppInfo;
  readonly tasks: { readonly handlers: TaskHandlers<S> };
  readonly compare: { readonly handlers: CompareHandlers<S> };
  readonly lab: Pick<LabRunner, 'run'>;
}

/**
 * Every invoke handler of the app, without Electron: electron/main/index.ts registers each one
 * with ipc-main.ts's `handle`, and the end-to-end tests dispatch to the very same ones through
 * `dispatchInvoke` over a stand-in transport.
 */
export function createInvokeHandlers<S>(deps: InvokeHandlerDeps<S>): InvokeHandlers<S> {
  const { tasks, compare, lab } = deps;
  return {
    'app:info': () => deps.appInfo(),
    'task:start': tasks.handlers['task:start'],
    'task:cancel': tasks.handlers['task:cancel'],
    'task:crash': tasks.handlers['task:crash'],
    ping: tasks.handlers.ping,
    'compare:open': compare.handlers['compare:open'],
    'compare:ready': compare.handlers['compare:ready'],
    'compare:start': compare.handlers['compare:start'],
    'compare:report': compare.handlers['compare:report'],
    'lab:run': (request) => lab.run(request),
  };
}
