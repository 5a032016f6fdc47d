/**
 * What the desktop harness and the page-side preload stand-in agree on. Free of zod and of Node,
 * because desktop-preload.ts (which imports it) is bundled into the page, like the real preload.
 */

/** The Playwright binding the page's `invoke` calls: the stand-in for ipcRenderer.invoke. */
export const INVOKE_BINDING = '__unfreezeDesktopInvoke';

/** The function the harness calls (page.evaluate) to hand events to the page's listeners. */
export const DELIVER_EVENTS = '__unfreezeDesktopDeliver';

/** One event as the main side sent it: the stand-in for what ipcRenderer.on hears. */
export interface DeliveredEvent {
  readonly channel: string;
  readonly payload: unknown;
}

export type InvokeBinding = (channel: string, ...args: unknown[]) => Promise<unknown>;
export type DeliverEvents = (events: readonly DeliveredEvent[]) => void;
