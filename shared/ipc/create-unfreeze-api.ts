import type { CompareSetup, CompareUpdate, Pane, PaneCommand, PaneReport } from '../compare/compare-protocol';
import type { HostPlace, PoolPlace } from '../host/host-places';
import type { MainMetrics } from '../host/main-metrics';
import type { TaskEvent } from '../host/task-event';
import type { LabRunAnswer } from '../lab/lab-ipc';
import type { ScenarioName } from '../lab/scenarios';
import type { CrashMode } from '../protocol/messages';
import type { TaskRequest } from '../run/task-request';
// Types only, here and above: the sandboxed preload runs this file and cannot load zod.
import type { AppInfo, EventChannel, EventPayload, InvokeArgs, InvokeChannel, InvokeResponse } from './channels';

/**
 * How the page's API reaches the main process. In the app: electron/preload/ipc-renderer.ts
 * (ipcRenderer.invoke, unwrapped with unwrapIpcResult, and ipcRenderer.on). In the end-to-end
 * tests without Electron: a Playwright binding and events delivered into the page. `invoke`
 * answers with the channel's value, or throws the main process's own error (IpcCallError).
 */
export interface UnfreezeTransport {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResponse<C>>;
  /** Listens to an event channel; returns the function that stops listening. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

/**
 * What the preload exposes to the page as `window.unfreeze`. The web edition has no
 * `window.unfreeze`; its absence is how the page knows it runs in a browser.
 */
export interface UnfreezeApi {
  readonly edition: 'desktop';
  /** Versions of the app and of the Electron, Chromium and Node.js inside it. */
  getAppInfo(): Promise<AppInfo>;
  /**
   * Starts a task in a main-side place. The renderer picks the task id (so no event can arrive
   * before the caller knows it); rejects with a clear message for bad input, and nothing starts.
   */
  startTask(taskId: string, place: HostPlace, request: TaskRequest, shards?: number): Promise<void>;
  cancelTask(taskId: string): Promise<void>;
  /** The crash lab: a job that throws, exits, hangs or crashes its worker on purpose. */
  startCrash(taskId: string, place: PoolPlace, mode: CrashMode): Promise<void>;
  /** Task events for every task this window started; returns an unsubscribe function. */
  onTaskEvent(listener: (event: TaskEvent) => void): () => void;
  /** Main-process meters a few times a second; returns an unsubscribe function. */
  onMetrics(listener: (metrics: MainMetrics) => void): () => void;
  /** A round trip to the main process; resolves when the main process has answered. */
  ping(): Promise<void>;
  /** Compare mode: opens (or brings forward) the two-pane window with this setup. */
  openCompare(setup: CompareSetup): Promise<void>;
  /** Compare mode: starts both panes at one instant; resolves with the run's id and that instant. */
  startCompare(): Promise<{ runId: number; startAt: number }>;
  /** Compare mode, in a pane: "loaded"; resolves with the setup to show, or null before any. */
  compareReady(pane: Pane): Promise<CompareSetup | null>;
  /** Compare mode, in a pane: what this pane measured during a run. */
  reportCompare(report: PaneReport): Promise<void>;
  /** Compare mode, in a pane: setup and run commands. Returns an unsubscribe function. */
  onComparePane(listener: (command: PaneCommand) => void): () => void;
  /** Compare mode, on the Compare screen: started, reports, closed. Returns an unsubscribe function. */
  onCompareUpdate(listener: (update: CompareUpdate) => void): () => void;
  /** The concurrency lab: runs a scenario in worker threads of the main process; resolves with its verdict. */
  runLab(scenario: ScenarioName, params: Record<string, unknown>): Promise<LabRunAnswer>;
}

/**
 * A small, task-shaped API instead of the transport itself: the page can call exactly these
 * functions and nothing else in the main process. Arguments are passed on as they are; the main
 * process validates every one of them (the page is not trusted to respect these types).
 */
export function createUnfreezeApi(transport: UnfreezeTransport): UnfreezeApi {
  const { invoke, on } = transport;
  return {
    edition: 'desktop',
    getAppInfo: () => invoke('app:info'),
    startTask: (taskId, place, request, shards) =>
      invoke('task:start', shards === undefined ? { taskId, place, request } : { taskId, place, request, shards }),
    cancelTask: (taskId) => invoke('task:cancel', { taskId }),
    startCrash: (taskId, place, mode) => invoke('task:crash', { taskId, place, mode }),
    onTaskEvent: (listener) => on('task:event', listener),
    onMetrics: (listener) => on('metrics', listener),
    ping: async () => {
      await invoke('ping');
    },
    openCompare: (setup) => invoke('compare:open', setup),
    startCompare: () => invoke('compare:start'),
    compareReady: (pane) => invoke('compare:ready', { pane }),
    reportCompare: (report) => invoke('compare:report', report),
    onComparePane: (listener) => on('compare:pane', listener),
    onCompareUpdate: (listener) => on('compare:update', listener),
    runLab: (scenario, params) => invoke('lab:run', { scenario, params }),
  };
}
