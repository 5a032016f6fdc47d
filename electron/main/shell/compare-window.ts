import { BaseWindow, WebContentsView, type WebContents } from 'electron';
import type { ComparePanes } from '../compare-hub';
import { paneBounds } from '../compare-layout';
import { background, followTheme } from './window';

export interface CompareWindowOptions {
  readonly preloadPath: string;
  /** The app's start URL; each pane loads it with ?screen=compare&pane=left|right. */
  readonly url: string;
  /**
   * The main window, whose page controls the comparison: the compare window closes with it, on
   * every platform. Without its controller a comparison cannot start, and on Windows and Linux
   * a leftover compare window would keep the app from quitting.
   */
  readonly owner?: BaseWindow;
}

let open: { window: BaseWindow; panes: ComparePanes<WebContents> } | null = null;

/**
 * The compare window: one window, two WebContentsViews side by side. Each view is its own page,
 * so Chromium gives each its own renderer process: a freeze of one page's main thread leaves the
 * other drawing. Same hardened preferences as the main window. Opened once; asked again, it comes
 * to the front.
 */
export function showCompareWindow({ preloadPath, url, owner }: CompareWindowOptions): ComparePanes<WebContents> {
  if (open && !open.window.isDestroyed()) {
    if (open.window.isMinimized()) open.window.restore();
    open.window.focus();
    return open.panes;
  }
  const window = new BaseWindow({
    width: 1400,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    title: 'Unfreeze — Compare',
    backgroundColor: background(),
  });
  const view = (pane: 'left' | 'right') => {
    // The main window's settings, spelled out (see window.ts for why).
    const v = new WebContentsView({
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    window.contentView.addChildView(v);
    const paneUrl = new URL(url);
    paneUrl.searchParams.set('screen', 'compare');
    paneUrl.searchParams.set('pane', pane);
    void v.webContents
      .loadURL(paneUrl.toString())
      .catch((error: unknown) => console.error(`[compare] could not load the ${pane} pane:`, error));
    return v;
  };
  const left = view('left');
  const right = view('right');
  const layout = () => {
    const { width, height } = window.getContentBounds();
    const bounds = paneBounds(width, height);
    left.setBounds(bounds.left);
    right.setBounds(bounds.right);
  };
  layout();
  window.on('resize', layout);
  // A view paints its own background before its page does: the theme's colour, not white.
  const stopFollowing = followTheme((color) => {
    window.setBackgroundColor(color);
    for (const v of [left, right]) v.setBackgroundColor(color);
  });
  const closeWithOwner = () => {
    if (!window.isDestroyed()) window.close();
  };
  owner?.once('closed', closeWithOwner);
  window.on('closed', () => {
    stopFollowing();
    if (owner && !owner.isDestroyed()) owner.off('closed', closeWithOwner);
    // Views are not destroyed with their window: close their pages so their processes end.
    for (const v of [left, right]) if (!v.webContents.isDestroyed()) v.webContents.close();
    open = null;
  });
  open = { window, panes: { left: left.webContents, right: right.webContents } };
  return open.panes;
}
