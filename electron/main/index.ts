import path from 'node:path';
import { app, BrowserWindow, MessageChannelMain, session, utilityProcess, type WebContents } from 'electron';
import packageJson from '../../package.json';
import type { ScreenId } from '../../shared/screens';
import { screenUrl } from './app-menu';
import { appProcessMetrics } from './shell/app-metrics';
import { createCompareHub } from './compare-hub';
import { showCompareWindow } from './shell/compare-window';
import { registerAppScheme, serveAppFiles } from './shell/app-protocol';
import { APP_INDEX_URL } from './app-url';
import { createAudienceIpc } from '../audience/audience-ipc';
import { startAudienceServer } from '../audience/audience-server';
import { lanAddress } from '../audience/lan-address';
import { createInvokeHandlers } from './invoke-handlers';
import { handleAll, sendDataPort, sendEvent, trustIpcFrom } from './shell/ipc-main';
import { createDataEchoHost } from './datacost/data-echo-host';
import { devUserDataDir, lockNotObtainedMessage } from './dev-paths';
import { createLabRunner } from './lab/lab-runner';
import { labThreadSpawner } from './lab/lab-thread-spawner';
import { sampleMainMetrics, startMetricsFeed } from './metrics-feed';
import { hardenWebContents, restrictPermissions } from './shell/security';
import { createEventLoopMeter } from './task-host/event-loop-meter';
import { builtEntry, createTaskHost, defaultPoolSize, workerThreadSpawner } from './task-host/task-host';
import { createTaskIpc } from './task-ipc';
import { createMainTrace } from './trace/main-trace';
import { electronChromiumRecorder } from './shell/content-tracing';
import { trustedOrigins } from './trusted-sender';
import { utilityProcessSpawner } from './task-host/spawn-utility-process';
import { createMainWindow, installAppMenu, watchPageLifecycle } from './shell/window';

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
// The data-cost lab's utility process starts on the first data:port.
const dataEcho = createDataEchoHost({
  fork: utilityProcess.fork,
  entry: builtEntry('data-echo-entry'),
  newChannel: () => new MessageChannelMain(),
});
// Audience mode: nothing listens until the Audience screen starts a session; it serves this renderer.
const audience = createAudienceIpc<WebContents>({
  start: startAudienceServer,
  root: rendererDir,
  lanAddress: () => lanAddress(),
  sendState: (contents, state) => sendEvent(contents, 'audience:state', state),
});
const tasks = createTaskIpc<WebContents>({ host, send: (contents, event) => sendEvent(contents, 'task:event', event) });
const compare = createCompareHub<WebContents>({
  clock: () => performance.timeOrigin + performance.now(),
  openPanes: () => showCompareWindow({ preloadPath, url: startUrl, owner: mainWindow }),
  sendPane: (contents, command) => sendEvent(contents, 'compare:pane', command),
  sendController: (contents, update) => sendEvent(contents, 'compare:update', update),
});

// The timeline's main-process lane: event-loop stalls and a span per IPC handled (ARCHITECTURE.md, "The timeline").
const mainTrace = createMainTrace();

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

/** Opens a screen in the main window (opening the window if there is none), by its deep link. */
function openScreen(screen: ScreenId, presenter: boolean): void {
  focusMainWindow();
  void mainWindow?.loadURL(screenUrl(startUrl, screen, presenter)).catch((error: unknown) => {
    console.error(`[main] could not open the ${screen} screen:`, error);
  });
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
  handleAll(
    createInvokeHandlers({
      tasks: tasks.handlers,
      compare: compare.handlers,
      lab,
      appInfo: () => ({
        appVersion: app.getVersion(),
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        node: process.versions.node,
        platform: process.platform,
      }),
      clock: () => performance.timeOrigin + performance.now(),
      dataPort: (contents) => sendDataPort(contents, dataEcho.connect()),
      audience: audience.handlers,
      mainTrace,
      // contentTracing needs `ready`: registerHandlers runs after it.
      chromiumTracing: electronChromiumRecorder(),
    }),
  );
}

/** Stops every worker thread and utility process before the app goes, waiting a bounded time. */
function disposeOnQuit(): void {
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    stopMetrics();
    mainTrace.stop();
    lab.dispose();
    dataEcho.dispose();
    void audience.stop();
    const enough = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_WAIT_MS).unref());
    void Promise.race([host.dispose(), enough])
      .catch((error: unknown) => console.error('[main] disposing the task host failed:', error))
      .finally(() => app.quit());
  });
}

// Chromium fixes scheme privileges at startup, so this runs before anything else.
registerAppScheme();

// Before the lock and before ready: the single-instance lock lives in the user-data folder, so
// this also gives `npm start` a lock of its own beside an installed Unfreeze (dev-paths.ts).
if (!app.isPackaged) app.setPath('userData', devUserDataDir(app.getPath('appData'), app.getName()));

if (!app.requestSingleInstanceLock()) {
  // Another Unfreeze is running; it gets a 'second-instance' event and comes to the front.
  console.log(lockNotObtainedMessage(app.getPath('userData')));
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, origins);
    // A closed, crashed or reloaded page's tasks are cancelled: nobody is left to watch them.
    const id = contents.id;
    watchPageLifecycle(contents, () => {
      tasks.senderGone(id);
      compare.senderGone(id);
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    // macOS can send activate before ready (electron/electron#23476), when no window may be made
    // yet; the ready handler below opens the first window anyway.
    if (!app.isReady()) return;
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  disposeOnQuit();

  void app
    .whenReady()
    .then(() => {
      console.log(`[main] serving the app with ${serveAppFiles(rendererDir)}`);
      restrictPermissions(session.defaultSession, origins);
      registerHandlers();
      startMetrics();
      installAppMenu({ helpUrl: packageJson.homepage, openScreen });
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      app.exit(1);
    });
}
