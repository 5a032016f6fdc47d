import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { InvokeChannel } from '../../shared/ipc/channels';
import { APP_ORIGIN } from './app-url';
import { dispatchInvoke, type InvokeHandler } from './ipc-dispatch';

/**
 * The only file that touches raw `ipcMain`. Every handler goes through `dispatchInvoke`, which
 * checks the sender, validates the payload against the channel map and always answers with an
 * `IpcResult`, so a bad message yields a clear error in the page and never an exception here.
 */

let trusted: readonly string[] = [APP_ORIGIN];

/** Sets which page origins may call handlers; index.ts adds the dev server while developing. */
export function trustIpcFrom(origins: readonly string[]): void {
  trusted = origins;
}

export function handle<C extends InvokeChannel>(channel: C, handler: InvokeHandler<C>): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const result = await dispatchInvoke({ channel, args, senderUrl: senderUrlOf(event), trustedOrigins: trusted }, handler);
    if (!result.ok) console.warn(`[ipc] ${result.error.code}: ${result.error.message}`);
    return result;
  });
}

function senderUrlOf(event: IpcMainInvokeEvent): string | undefined {
  try {
    // null once the frame has navigated away or been destroyed: then nobody is vouched for.
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}
