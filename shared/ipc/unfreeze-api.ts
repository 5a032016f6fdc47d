import type { AudienceStart, AudienceStarted } from '../audience/audience-ipc';
import type { PresenterCommand, RoomState } from '../audience/audience-messages';
import type { CompareSetup, CompareUpdate, Pane, PaneCommand, PaneReport } from '../compare/compare-protocol';
import type { HostPlace, PoolPlace } from '../host/host-places';
import type { MainMetrics } from '../host/main-metrics';
import type { TaskEvent } from '../host/task-event';
import type { LabRunAnswer } from '../lab/lab-ipc';
import type { ScenarioName } from '../lab/scenarios';
import type { CrashMode } from '../protocol/messages';
import type { TaskRequest } from '../run/task-request';
import type { ChromiumTraceState } from '../trace/chromium-trace-channel';
import type { TraceWindow } from '../trace/trace-window';
import type { AppInfo } from './channels';

/**
 * What the desktop app gives the page as `window.unfreeze`: a small, task-shaped API over the
 * channel map (./channels.ts), built by createUnfreezeApi (./create-unfreeze-api.ts) and exposed by
 * the preload. Types only, so the renderer imports it with `import type` and pulls in nothing.
 * The web edition has no `window.unfreeze`; its absence is how the page knows it runs in a browser.
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
  /**
   * Task events for every task this window started; returns an unsubscribe function. The payload
   * is typed as the main process sends it, but the page checks it before relying on it.
   */
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
  /**
   * The data-cost lab: sends `payload` (at most 64 MiB) to the main process, which hands it straight
   * back; `receivedAt` is the main process's clock (performance.timeOrigin + performance.now()) on arrival.
   */
  echoData(payload: Uint8Array): Promise<{ receivedAt: number; payload: Uint8Array }>;
  /**
   * The data-cost lab: asks for a MessagePort to a utility process that echoes what it gets. A port
   * cannot cross contextBridge, so it arrives as a window 'message' event from the preload,
   * `{ unfreeze: DATA_PORT_TAG }` with the port in `ports` (renderer/src/lab/data-port.ts waits for it).
   */
  openDataPort(): Promise<void>;
  /** Audience mode: starts the session server in the main process (or answers with the one running). */
  startAudience(options: AudienceStart): Promise<AudienceStarted>;
  /** Audience mode: a question, its reveal, or taking it down. */
  audienceCommand(command: PresenterCommand): Promise<void>;
  stopAudience(): Promise<void>;
  /** Audience mode: the room's state as it changes. Returns an unsubscribe function. */
  onAudienceState(listener: (state: RoomState) => void): () => void;
  /** The timeline: the main process's records that ended in [fromMs, toMs) (epoch ms; shared/trace/trace-window.ts). */
  fetchMainTrace(fromMs: number, toMs: number): Promise<TraceWindow>;
  /** Starts or stops Chromium's own tracer over every process of the app; the file goes to Downloads. */
  chromiumTrace(action: 'start' | 'stop'): Promise<ChromiumTraceState>;
}
