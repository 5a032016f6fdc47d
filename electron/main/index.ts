import path from 'node:path';
import { app, BrowserWindow, session, utilityProcess, type WebContents } from 'electron';
import { appProcessMetrics } from './shell/app-metrics';
import { createCompareHub } from './compare-hub';
import { showCompareWindow } from './shell/compare-window';
import { registerAppScheme, serveAppFiles } from './shell/app-protocol';
import { APP_INDEX_URL } from './app-url';
import { handle, sendEvent, trustIpcFrom } from './shell/ipc-main';
import { createLabRunner } from './lab/lab-runner';
import { labThreadSpawner } from './lab/lab-thread-spawner';
import { sampleMainMetrics, startMetricsFeed } from './metrics-feed';
import { hardenWebContents, restrictPermissions } from './shell/security';
import { createEventLoopMeter } from './task-host/event-loop-meter';
import { builtEntry, createTaskHost, defaultPoolSize, workerThreadSpawner } from './task-host/task-host';
import { createTaskIpc } from './task-ipc';
import { trustedOrigins } from './trusted-sender';
import { utilityProcessSpawner } from './task-host/spawn-utility-process';
import { createMainWindow } from './shell/window';

const here = import.meta.dirname;
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// electron-vite dev sets ELECTRON_RENDERER_URL. A packaged app ignores it, so an environment
// variable can never point the app, and the trust that goes with its origin, at another site.
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const origins = trustedOrigins(devServerUrl);
const startUrl = devServerUrl ?? APP_INDEX_URL;

/** How often the meters reach the page: often enough for a live chart, rare enough to cost nothing. */
const METRICS_INTERVAL_MS = 250;
/** How long quitting waits for workers to exit before it goes ahead anyway. */
const DISPOSE_WAIT_MS = 2_000;

// Pools start on first use, so creating the host spawns nothing (utilityProcess.fork needs `ready`).
const poolSize = defaultPoolSize();
const host = createTaskHost({
  workerThreads: { size: poolSize, spawn: workerThreadSpawner(builtEntry('thread-entry')) },
  utility: { size: poolSize, spawn: utilityProcessSpawner(utilityProcess.fork, builtEntry('process-entry')) },
});
// The concurrency lab's worker threads start on the first lab:run.
const lab = createLabRunner(labThreadSpawner(builtEntry('lab-thread-entry')).spawn);
const tasks = createTaskIpc<WebContents>({ host, send: (contents, event) => sendEvent(contents, 'task:event', event) });
const compare = createCompareHub<WebContents>({
  clock: () => performance.timeOrigin + performance.now(),
  openPanes: () => showCompareWindow({ preloadPath, url: startUrl }),
  sendPane: (contents, command) => sendEvent(contents, 'compare:pane', command),
  sendController: (contents, update) => sendEvent(contents, 'compare:update', update),
});

let mainWindow: BrowserWindow | undefined;
let stopMetrics = () => {};

function openMainWindow(): void {
  mainWindow = createMainWindow({ preloadPath, url: startUrl });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function focusMainWindow(): void {
  if (!mainWindow) {
    openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function startMetrics(): void {
  const eventLoop = createEventLoopMeter();
  const stopFeed = startMetricsFeed(
    METRICS_INTERVAL_MS,
    () => sampleMainMetrics({ eventLoop, pools: () => host.pools(), processes: appProcessMetrics }),
    (metrics) => {
      for (const window of BrowserWindow.getAllWindows()) {
        const sent = sendEvent(window.webContents, 'metrics', metrics);
        if (!sent.ok) console.error(`[metrics] ${sent.error.message}`);
      }
    },
  );
  stopMetrics = () => {
    stopFeed();
    eventLoop.stop();
  };
}

function registerHandlers(): void {
  trustIpcFrom(origins);
  handle('app:info', () => ({
    appVersion: app.getVersion(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    platform: process.platform,
  }));
  handle('task:start', tasks.handlers['task:start']);
  handle('task:cancel', tasks.handlers['task:cancel']);
  handle('task:crash', tasks.handlers['task:crash']);
  handle('ping', tasks.handlers.ping);
  handle('compare:open', compare.handlers['compare:open']);
  handle('compare:ready', compare.handlers['compare:ready']);
  handle('compare:start', compare.handlers['compare:start']);
  handle('compare:report', compare.handlers['compare:report']);
  handle('lab:run', (request) => lab.run(request));
}

/** Stops every worker thread and utility process before the app goes, waiting a bounded time. */
function disposeOnQuit(): void {
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    stopMetrics();
    lab.dispose();
    const enough = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_WAIT_MS).unref());
    void Promise.race([host.dispose(), enough])
      .catch((error: unknown) => console.error('[main] disposing the task host failed:', error))
      .finally(() => app.quit());
  });
}

// Chromium fixes scheme privileges at startup, so this runs before anything else.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Unfreeze is running; it gets a 'second-instance' event and comes to the front.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, origins);
    // A closed or crashed window's tasks are cancelled: nobody is left to watch them.
    const id = contents.id;
    contents.on('destroyed', () => {
      tasks.senderGone(id);
      compare.senderGone(id);
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  disposeOnQuit();

  void app
    .whenReady()
    .then(() => {
      serveAppFiles(rendererDir);
      restrictPermissions(session.defaultSession, origins);
      registerHandlers();
      startMetrics();
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      app.exit(1);
    });
}
