import type { UnfreezeApi } from '../../shared/ipc/unfreeze-api';

declare global {
  interface Window {
    /** Present only in the desktop app, where the preload exposes it. */
    readonly unfreeze?: UnfreezeApi;
  }
}

/** True inside the desktop app, whose preload exposes `window.unfreeze`; false in a browser. */
export function isDesktop(): boolean {
  return window.unfreeze?.edition === 'desktop';
}
