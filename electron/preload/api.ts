import type { AppInfo } from '../../shared/ipc/channels';

export type { AppInfo };

/**
 * What the preload exposes to the page as `window.unfreeze`. Type-only, so the renderer can
 * `import type { UnfreezeApi } from '../../electron/preload/api'` without pulling in Electron.
 * The web edition has no `window.unfreeze`; its absence is how the page knows it runs in a browser.
 */
export interface UnfreezeApi {
  readonly edition: 'desktop';
  /** Versions of the app and of the Electron, Chromium and Node.js inside it. */
  getAppInfo(): Promise<AppInfo>;
}
