import { ipcMain, type IpcMainInvokeEvent, type MessagePortMain, type WebContents } from 'electron';
import {
  INVOKE_CHANNELS,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
} from '../../../shared/ipc/channels';
import { ipcFail, ipcOk, type IpcResult } from '../../../shared/ipc/result';
import { APP_ORIGIN } from '../app-url';
import { dispatchInvoke, type InvokeHandler, type InvokeHandlers } from '../ipc-dispatch';
import { messageOf } from '../../../shared/errors/message-of';
import { DATA_PORT_CHANNEL } from '../../../shared/datacost/data-port';

/**
 * The only file that touches raw `ipcMain` and `webContents.send`. Every handler goes through
 * `dispatchInvoke`, which checks the sender, validates the payload against the channel map and
 * always answers with an `IpcResult`, so a bad message yields a clear error in the page and never
 * an exception here. Every event goes through `sendEvent`, typed by the channel map.
 */

let trusted: readonly string[] = [APP_ORIGIN];

/** Sets which page origins may call handlers; index.ts adds the dev server while developing. */
export function trustIpcFrom(origins: readonly string[]): void {
  trusted = origins;
}

/**
 * Registers the handler of every invoke channel, each behind dispatchInvoke. One object for all of
 * them (electron/main/invoke-handlers.ts), so none can be forgotten.
 */
export function handleAll(handlers: InvokeHandlers<WebContents>): void {
  for (const channel of INVOKE_CHANNELS) handle(channel, handlers[channel]);
}

function handle<C extends InvokeChannel>(channel: C, handler: InvokeHandler<C, WebContents>): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const result = await dispatchInvoke(
      { channel, args, senderUrl: senderUrlOf(event), sender: event.sender, trustedOrigins: trusted },
      handler,
    );
    if (!result.ok) console.warn(`[ipc] ${result.error.code}: ${result.error.message}`);
    return result;
  });
}

/**
 * Sends an event of the typed map to one window. Answers ok(false) when the window is already gone,
 * and 'bad-event' when the payload cannot be sent. The payload is not checked here: the page checks
 * what it relies on where the event arrives (the trust boundary), so a check here would be a second
 * one of the same data.
 *
 * webContents.send serializes with the structured clone algorithm and takes no transfer list, so
 * the payload is always copied: a tile's pixels cross once from a worker to this process and once
 * more from here to the page. For the tile sizes of the demos that copy costs far less than a
 * frame; a MessagePort per task would save only the second one.
 */
export function sendEvent<C extends EventChannel>(
  contents: WebContents,
  channel: C,
  payload: EventPayload<C>,
): IpcResult<boolean> {
  if (contents.isDestroyed()) return ipcOk(false);
  try {
    contents.send(channel, payload);
  } catch (error) {
    // E.g. a value structured clone cannot copy (a function inside a chunk).
    return ipcFail('bad-event', `Could not send "${channel}": ${messageOf(error)}`);
  }
  return ipcOk(true);
}

/**
 * Sends the data-cost lab's page end of a MessageChannelMain to one window (webContents.postMessage:
 * only it can transfer a port; the preload hands the port on, electron/preload/ipc-renderer.ts).
 * A window already gone gets nothing, and the port is closed so its other end learns so.
 */
export function sendDataPort(contents: WebContents, port: MessagePortMain): void {
  if (contents.isDestroyed()) {
    port.close();
    return;
  }
  contents.postMessage(DATA_PORT_CHANNEL, null, [port]);
}

function senderUrlOf(event: IpcMainInvokeEvent): string | undefined {
  try {
    // null once the frame has navigated away or been destroyed: then nobody is vouched for.
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}
