import { BrowserWindow, nativeTheme } from 'electron';

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

  const followTheme = () => window.setBackgroundColor(background());
  nativeTheme.on('updated', followTheme);
  window.on('closed', () => nativeTheme.off('updated', followTheme));

  void window.loadURL(url).catch((error: unknown) => {
    console.error(`[window] could not load ${url}:`, error);
  });
  return window;
}
