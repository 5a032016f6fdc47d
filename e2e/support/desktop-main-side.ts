import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAudienceIpc } from '../../electron/audience/audience-ipc';
import { startAudienceServer } from '../../electron/audience/audience-server';
import { createCompareHub, type ComparePanes } from '../../electron/main/compare-hub';
import { createInvokeHandlers } from '../../electron/main/invoke-handlers';
import { dispatchInvoke, type InvokeCall } from '../../electron/main/ipc-dispatch';
import { createLabRunner } from '../../electron/main/lab/lab-runner';
import { labThreadSpawner } from '../../electron/main/lab/lab-thread-spawner';
import { sampleMainMetrics, startMetricsFeed } from '../../electron/main/metrics-feed';
import { createEventLoopMeter } from '../../electron/main/task-host/event-loop-meter';
import {
  childProcessSpawner,
  createTaskHost,
  workerThreadSpawner,
  type HostWorker,
  type TaskHost,
} from '../../electron/main/task-host/task-host';
import { createTaskIpc } from '../../electron/main/task-ipc';
import { createMainTrace } from '../../electron/main/trace/main-trace';
import { messageOf } from '../../shared/errors/message-of';
import { isInvokeChannel, type EventChannel, type EventPayload, type InvokeChannel } from '../../shared/ipc/channels';
import { ipcFail, ipcOk, type IpcResult } from '../../shared/ipc/result';
import type { PoolWorkerEvents } from '../../shared/pool/worker-pool';
import { createProcessMeter } from './desktop-process-metrics';
import {
  toMainSideSchema,
  type FromMainSide,
  type MainSideConfig,
  type MainSideState,
  type ToMainSide,
} from './desktop-wire';

/**
 * The desktop app's main process, without Electron: a child process of the test, started with
 * tsx, wired like electron/main/index.ts from the same pieces — the real dispatcher (sender and
 * schema checks), the real invoke handlers, task host (worker_threads, and child processes for
 * utility processes), metrics feed, event-loop meter, compare hub and lab runner. It runs in
 * its own process so a main-process run blocks *this* event loop, as it blocks Electron's, and
 * not the test runner's. Stand-ins: a window is a sender id (WebContents), events go out over
 * the process's IPC pipe (webContents.send), and the compare window is two pages the test
 * process opens (compare-window.ts).
 */

/** A page as the main side sees it: the stand-in for WebContents. */
interface StandInContents {
  readonly id: number;
  isDestroyed(): boolean;
}

/** How often the meters reach the pages: index.ts's METRICS_INTERVAL_MS. */
const METRICS_INTERVAL_MS = 250;
/** Compare panes get ids of their own, far from the ids the test process gives its windows. */
const FIRST_PANE_ID = 1_000_000;

function post(message: FromMainSide): void {
  // The test process may have gone (it ends us then, too); nothing is left to tell.
  if (process.connected) process.send?.(message);
}

function start(config: MainSideConfig) {
  const destroyed = new Set<number>();
  const contents = new Map<number, StandInContents>();
  /** BrowserWindow.getAllWindows(): the compare panes are views of a BaseWindow, so not here. */
  const browserWindows = new Set<number>();
  const contentsOf = (id: number): StandInContents => {
    let found = contents.get(id);
    if (!found) contents.set(id, (found = { id, isDestroyed: () => destroyed.has(id) }));
    return found;
  };

  /**
   * The stand-in for ipc-main.ts's sendEvent (webContents.send): to that page only, nothing to a
   * page that is gone, and a payload that cannot be copied (structured clone) is reported, not
   * thrown. The page checks each event against its schema where it enters (host-task.ts,
   * main-metrics.ts, the compare screens).
   */
  const sendEvent = <C extends EventChannel>(
    target: StandInContents,
    channel: C,
    payload: EventPayload<C>,
  ): IpcResult<boolean> => {
    if (target.isDestroyed()) return ipcOk(false);
    try {
      post({ type: 'event', senderId: target.id, channel, payload });
    } catch (error) {
      return ipcFail('bad-event', `Could not send "${channel}": ${messageOf(error)}`);
    }
    return ipcOk(true);
  };

  // The real spawners, recorded so the tests can compare the page's tables with what really runs.
  const threads: { lane: number; worker: HostWorker }[] = [];
  const children: { lane: number; child: ChildProcess }[] = [];
  const spawnThread = workerThreadSpawner(config.threadEntry);
  const host: TaskHost = createTaskHost({
    workerThreads: {
      size: config.poolSize,
      spawn: (lane: number, events: PoolWorkerEvents) => {
        const worker = spawnThread(lane, events);
        threads.push({ lane, worker });
        return worker;
      },
    },
    utility: {
      size: config.poolSize,
      spawn: childProcessSpawner(config.processEntry, {
        execArgv: config.processExecArgv,
        onSpawn: (child, lane) => children.push({ lane, child }),
      }),
    },
  });
  const liveChildren = () => children.filter(({ child }) => child.exitCode === null && child.signalCode === null);

  // Instrumentation of the wiring only: when a cancel reached the host, and when its 'end' left.
  const cancelAsked = new Map<string, number>();
  const cancels: MainSideState['cancels'] = [];
  const timedHost: TaskHost = {
    ...host,
    cancel: (taskId) => {
      cancelAsked.set(taskId, performance.now());
      return host.cancel(taskId);
    },
  };
  const tasks = createTaskIpc<StandInContents>({
    host: timedHost,
    send: (target, event) => {
      const asked = cancelAsked.get(event.taskId);
      if (event.type === 'end' && asked !== undefined) {
        cancelAsked.delete(event.taskId);
        cancels.push({ taskId: event.taskId, ms: performance.now() - asked });
      }
      return sendEvent(target, 'task:event', event);
    },
  });

  let panes: ComparePanes<StandInContents> | null = null;
  let nextPaneId = FIRST_PANE_ID;
  const compare = createCompareHub<StandInContents>({
    clock: () => performance.timeOrigin + performance.now(),
    // compare-window.ts: one window, two panes; asked again while it is open, the same panes.
    openPanes: () => {
      if (panes && !panes.left.isDestroyed() && !panes.right.isDestroyed()) return panes;
      panes = { left: contentsOf(nextPaneId++), right: contentsOf(nextPaneId++) };
      post({ type: 'open-compare', left: panes.left.id, right: panes.right.id });
      return panes;
    },
    sendPane: (target, command) => sendEvent(target, 'compare:pane', command),
    sendController: (target, update) => sendEvent(target, 'compare:update', update),
  });

  const labThreads = labThreadSpawner(config.labThreadEntry);
  const lab = createLabRunner(labThreads.spawn);

  // Audience mode as index.ts wires it, on loopback only, serving the web build the harness serves.
  const audience = createAudienceIpc<StandInContents>({
    start: startAudienceServer,
    root: resolve(import.meta.dirname, '../../out/web'),
    lanAddress: () => ({ host: '127.0.0.1' }),
    sendState: (target, state) => sendEvent(target, 'audience:state', state),
  });

  // index.ts's main-process lane: stalls and a span per IPC, on this process's own clock.
  const mainTrace = createMainTrace();
  const handlers = createInvokeHandlers<StandInContents>({
    appInfo: () => ({
      appVersion: config.appVersion,
      electron: 'none (stand-in main process in Node.js)',
      chrome: config.chromeVersion,
      node: process.versions.node,
      platform: process.platform,
    }),
    clock: () => performance.timeOrigin + performance.now(),
    // A page's MessagePort cannot reach this Node process: the leg runs only in Electron (e2e/electron.e2e.test.ts).
    dataPort: () => {
      throw new Error('A MessagePort to a utility process exists only in the Electron app, not in this stand-in');
    },
    tasks: tasks.handlers,
    compare: compare.handlers,
    lab,
    audience: audience.handlers,
    mainTrace,
  });

  const eventLoop = createEventLoopMeter();
  const processes = createProcessMeter(() => [
    { pid: process.pid, type: 'Browser', name: 'Browser' },
    // utility-spawner.ts names each utility process "Unfreeze worker N" through serviceName.
    ...liveChildren().flatMap(({ child, lane }) =>
      child.pid === undefined ? [] : [{ pid: child.pid, type: 'Utility', name: `Unfreeze worker ${lane + 1}` }],
    ),
  ]);
  const stopFeed = startMetricsFeed(
    METRICS_INTERVAL_MS,
    () => sampleMainMetrics({ eventLoop, pools: () => host.pools(), processes }),
    (metrics) => {
      for (const id of browserWindows) {
        const sent = sendEvent(contentsOf(id), 'metrics', metrics);
        if (!sent.ok) console.error(`[metrics] ${sent.error.message}`);
      }
    },
  );

  const invokes: MainSideState['invokes'] = [];
  /** ipc-main.ts's `handle` for one channel: the real dispatcher in front of the real handler. */
  const dispatchTo = <C extends InvokeChannel>(channel: C, call: InvokeCall<StandInContents>) =>
    dispatchInvoke(call, handlers[channel]);
  const refuseAll = () => {
    throw new Error('unreachable: the dispatcher refuses a channel that is not in the map');
  };

  return {
    invoke(message: Extract<ToMainSide, { type: 'invoke' }>): Promise<unknown> {
      invokes.push({ senderId: message.senderId, channel: message.channel });
      const call: InvokeCall<StandInContents> = {
        channel: message.channel,
        args: message.args,
        senderUrl: message.senderUrl ?? undefined,
        sender: contentsOf(message.senderId),
        trustedOrigins: config.trustedOrigins,
      };
      // A name outside the map never reaches a handler: dispatchInvoke answers 'unknown-channel'.
      return isInvokeChannel(message.channel) ? dispatchTo(message.channel, call) : dispatchInvoke(call, refuseAll);
    },
    windowOpened(id: number) {
      browserWindows.add(id);
      contentsOf(id);
    },
    /** app.on('web-contents-created') → contents.on('destroyed') in index.ts. */
    gone(id: number) {
      destroyed.add(id);
      browserWindows.delete(id);
      tasks.senderGone(id);
      compare.senderGone(id);
    },
    state(): MainSideState {
      return {
        pid: process.pid,
        routed: tasks.routed(),
        threads: threads.map(({ lane, worker }) => ({
          lane,
          threadId: worker.id ?? -1,
          exited: worker.hasExited(),
        })),
        processes: children.map(({ lane, child }) => ({
          lane,
          pid: child.pid ?? -1,
          exited: child.exitCode !== null || child.signalCode !== null,
        })),
        cancels: [...cancels],
        invokes: [...invokes],
      };
    },
    /** disposeOnQuit in index.ts: meters off, lab threads ended, every worker waited for (bounded). */
    async dispose() {
      stopFeed();
      eventLoop.stop();
      mainTrace.stop();
      lab.dispose();
      const enough = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
      await Promise.race([Promise.all([host.dispose(), labThreads.allExited()]), enough]);
    },
  };
}

let mainSide: ReturnType<typeof start> | null = null;

async function stop(): Promise<void> {
  await mainSide?.dispose().catch((error: unknown) => console.error(`[main side] dispose failed: ${messageOf(error)}`));
  process.exit(0);
}

process.on('message', (raw: unknown) => {
  const parsed = toMainSideSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(`[main side] refused a malformed message: ${parsed.error.message}`);
    return;
  }
  const message = parsed.data;
  if (message.type === 'configure') {
    mainSide ??= start(message.config);
    post({ type: 'ready', pid: process.pid });
    return;
  }
  if (message.type === 'stop') {
    void stop();
    return;
  }
  if (!mainSide) {
    console.error(`[main side] "${message.type}" came before "configure"`);
    return;
  }
  switch (message.type) {
    case 'window':
      return mainSide.windowOpened(message.senderId);
    case 'gone':
      return mainSide.gone(message.senderId);
    case 'inspect':
      return post({ type: 'state', callId: message.callId, state: mainSide.state() });
    case 'invoke': {
      const { callId } = message;
      void mainSide.invoke(message).then((result) => post({ type: 'reply', callId, result }));
      return;
    }
  }
});

// The test process went away without saying stop: nobody is left to serve.
process.on('disconnect', () => void stop());
