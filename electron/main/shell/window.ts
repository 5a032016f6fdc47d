import { app, BrowserWindow, dialog, Menu, nativeTheme, shell, type WebContents } from 'electron';
import type { ScreenId } from '../../../shared/screens';
import { aboutPanelOptions, appMenuTemplate, isHelpUrl } from '../app-menu';
import { errorPageUrl, needsErrorPage } from '../load-failure';
import { watchPage } from '../page-lifecycle';

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  readonly preloadPath: string;
  /** unfreeze://app/index.html, or the dev server's URL while developing. */
  readonly url: string;
}

// The page's own background (Tailwind slate-50 / slate-950), so no white flash before first paint.
const BACKGROUND = { light: '#f8fafc', dark: '#020617' } as const;

export function background(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

/** Calls `apply` now and whenever the system (or the menu) switches theme, until `stop`. */
export function followTheme(apply: (color: string) => void): () => void {
  const update = () => apply(background());
  update();
  nativeTheme.on('updated', update);
  return () => nativeTheme.off('updated', update);
}

export function createMainWindow({ preloadPath, url }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Unfreeze',
    backgroundColor: background(),
    show: false,
    // Spelled out here (and for the compare panes) rather than shared through a helper, so
    // Electronegativity's static scan sees each setting where the page is created.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      // No 'auxclick' (middle-click) events: one more way a link could ask for a new window.
      // setWindowOpenHandler denies those anyway; this closes the path before it is taken.
      disableBlinkFeatures: 'Auxclick',
    },
  });

  window.once('ready-to-show', () => window.show());
  showErrorPageOnFailure(window);

  const stopFollowing = followTheme((color) => window.setBackgroundColor(color));
  window.on('closed', stopFollowing);

  void window.loadURL(url).catch((error: unknown) => {
    console.error(`[window] could not load ${url}:`, error);
  });
  return window;
}

/** A hidden window whose page fails to load would never appear: show it with an error page. */
function showErrorPageOnFailure(window: BrowserWindow): void {
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    const failure = { errorCode, errorDescription, url, isMainFrame };
    if (!needsErrorPage(failure)) return;
    console.error(`[window] ${url} failed to load: ${errorDescription} (${errorCode})`);
    void window.loadURL(errorPageUrl(failure, nativeTheme.shouldUseDarkColors)).finally(() => {
      if (!window.isDestroyed() && !window.isVisible()) window.show();
    });
  });
}

/**
 * Feeds a page's lifecycle to page-lifecycle.ts: `release` runs whenever the page's document
 * ends (closed, crashed, replaced), and a crashed page gets a dialog that offers a reload.
 */
export function watchPageLifecycle(contents: WebContents, release: () => void): void {
  const watch = watchPage({
    release,
    offerReload: (notice) => {
      const owner = BrowserWindow.fromWebContents(contents);
      const options = {
        type: 'error' as const,
        message: notice.message,
        detail: notice.detail,
        buttons: ['Reload', 'Not now'],
        defaultId: 0,
        cancelId: 1,
      };
      void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options)).then(({ response }) => {
        if (response === 0 && !contents.isDestroyed()) contents.reload();
      });
    },
  });
  contents.on('did-navigate', () => watch.signal({ kind: 'navigated' }));
  contents.on('render-process-gone', (_event, details) => {
    console.error(`[window] a page's renderer is gone: ${details.reason} (exit code ${details.exitCode})`);
    watch.signal({ kind: 'gone', reason: details.reason, exitCode: details.exitCode });
  });
  contents.on('destroyed', () => watch.signal({ kind: 'destroyed' }));
}

export interface AppMenuWiring {
  /** Where Help → the project's page goes (package.json's homepage). */
  readonly helpUrl: string;
  /** Opens a screen's deep link in the main window. */
  openScreen(screen: ScreenId, presenter: boolean): void;
}

/**
 * Replaces Electron's default menu with the app's own (app-menu.ts builds the template) and fills
 * in the About panel. Rebuilt when the menu changes the theme, so the radio items stay true.
 */
export function installAppMenu({ helpUrl, openScreen }: AppMenuWiring): void {
  app.setAboutPanelOptions(
    aboutPanelOptions({
      appName: app.getName(),
      appVersion: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      platform: process.platform,
    }),
  );
  const build = () => {
    const template = appMenuTemplate({
      platform: process.platform,
      appName: app.getName(),
      development: !app.isPackaged,
      theme: nativeTheme.themeSource,
      helpUrl,
      actions: {
        openScreen: (screen) => openScreen(screen, false),
        setPresenter: (on) => openScreen('workshop', on),
        // The page follows the system theme unless its own toggle says otherwise.
        setTheme: (theme) => {
          nativeTheme.themeSource = theme;
          build();
        },
        openHelp: (url) => {
          if (isHelpUrl(url)) void shell.openExternal(url);
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  build();
}
