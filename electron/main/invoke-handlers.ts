import type { AudienceHandlers } from '../audience/audience-ipc';
import { RequestRefusedError, type InvokeHandler } from './ipc-dispatch';
import type { AppInfo, InvokeChannel } from '../../shared/ipc/channels';
import { traceWindow } from '../../shared/trace/trace-window';
import { messageOf } from '../../shared/errors/message-of';
import type { ChromiumRecorder } from './trace/chromium-recording';
import type { MainTrace } from './trace/main-trace';
import { tracedHandlers } from './trace/traced-handlers';
import type { CompareHandlers } from './compare-hub';
import type { LabRunner } from './lab/lab-runner';
import type { TaskHandlers } from './task-ipc';

/**
 * What the handlers drive, passed in so this file needs no Electron: the app wires in the real
 * ones (electron/main/index.ts), tests and the desktop e2e suite wire in theirs.
 */
export interface InvokeHandlerDeps<S> {
  /** The task channels, from createTaskIpc: each task's events go back to the window that started it. */
  readonly tasks: TaskHandlers<S>;
  /** The compare channels, from createCompareHub. */
  readonly compare: CompareHandlers<S>;
  readonly lab: Pick<LabRunner, 'run'>;
  /** Versions of the app and of what runs it (Electron's `app` and `process.versions` in the app). */
  readonly appInfo: () => AppInfo;
  /** The clock a ping and a data echo answer with: performance.timeOrigin + performance.now() in the app. */
  readonly clock: () => number;
  /** Sends this window a fresh MessagePort to the data-cost lab's utility process (data-echo-host.ts). */
  readonly dataPort: (sender: S) => void;
  /** Audience mode's session server (electron/audience/audience-ipc.ts); without it, those channels refuse. */
  readonly audience?: AudienceHandlers<S>;
  /**
   * The main process's recorder (trace/main-trace.ts): every handler is then traced (a span per
   * request) and `trace:window` answers from it; without one, `trace:window` answers an empty window.
   */
  readonly mainTrace?: Pick<MainTrace, 'traceHandler' | 'recorder'>;
  /** Chromium's tracer (trace/chromium-recording.ts over Electron's contentTracing); refused without one. */
  readonly chromiumTracing?: Pick<ChromiumRecorder, 'start' | 'stop'>;
}

const noAudience = () => {
  throw new RequestRefusedError('audience mode is not available in this process');
};

/**
 * The main process's answer to every invoke channel, in one object. Its type lists every channel
 * of the map (shared/ipc/channels.ts), so adding a channel there fails to compile until it has a
 * handler here. Every handler gets a payload that dispatchInvoke has already checked against the
 * channel's schema, and its answer is checked there too.
 */
export function createInvokeHandlers<S>(deps: InvokeHandlerDeps<S>): { [C in InvokeChannel]: InvokeHandler<C, S> } {
  const { tasks, compare, lab, mainTrace } = deps;
  const handlers: { [C in InvokeChannel]: InvokeHandler<C, S> } = {
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
    // Straight back: what the data-cost lab measures is the trip, so nothing is done to the bytes.
    'data:echo': ({ payload }) => ({ receivedAt: deps.clock(), payload }),
    'data:port': (_none, { sender }) => {
      deps.dataPort(sender);
      return undefined;
    },
    'audience:start': deps.audience?.['audience:start'] ?? noAudience,
    'audience:command': deps.audience?.['audience:command'] ?? noAudience,
    'audience:stop': deps.audience?.['audience:stop'] ?? noAudience,
    'trace:window': (request) =>
      mainTrace ? traceWindow(mainTrace.recorder.snapshot(), request) : { tracks: [], records: [], truncated: false },
    'trace:chromium': async ({ action }) => {
      const tracing = deps.chromiumTracing;
      if (!tracing) throw new RequestRefusedError('Chromium’s tracer needs Electron’s main process (contentTracing)');
      try {
        return await (action === 'start' ? tracing.start() : tracing.stop());
      } catch (error) {
        throw new RequestRefusedError(messageOf(error));
      }
    },
  };
  return mainTrace ? tracedHandlers(mainTrace, handlers) : handlers;
}
