import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { registerAppScheme, serveAppFiles } from './app-protocol';
import { APP_INDEX_URL } from './app-url';
import { handle, trustIpcFrom } from './ipc-main';
import { denyAllPermissions, hardenWebContents } from './security';
import { trustedOrigins } from './trusted-sender';
import { createMainWindow } from './window';

const here = import.meta.dirname;
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// electron-vite dev sets ELECTRON_RENDERER_URL. A packaged app ignores it, so an environment
// variable can never point the app, and the trust that goes with its origin, at another site.
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const origins = trustedOrigins(devServerUrl);
const startUrl = devServerUrl ?? APP_INDEX_URL;

let mainWindow: BrowserWindow | undefined;

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

// Chromium fixes scheme privileges at startup, so this runs before anything else.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Unfreeze is running; it gets a 'second-instance' event and comes to the front.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  void app.whenReady().then(() => {
    serveAppFiles(rendererDir);
    denyAllPermissions(session.defaultSession);

    trustIpcFrom(origins);
    handle('app:info', () => ({
      appVersion: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      platform: process.platform,
    }));

    openMainWindow();
  }).catch((error: unknown) => {
    console.error('[main] startup failed:', error);
    app.exit(1);
  });
}
