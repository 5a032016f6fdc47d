import { ipcRenderer, type IpcRendererEvent } from 'electron';
// Types only: the sandboxed preload cannot load zod, so validation happens in the main process.
import type { EventChannel, EventPayload, InvokeArgs, InvokeChannel, InvokeResponse } from '../../shared/ipc/channels';
import { unwrapIpcResult } from '../../shared/ipc/result';
import { DATA_PORT_CHANNEL, DATA_PORT_TAG } from '../../shared/datacost/data-port';

/**
 * The only file that touches raw `ipcRenderer`. Calls a channel of the typed map and returns its
 * answer, or throws an `IpcCallError` carrying the main process's own message.
 */
export async function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResponse<C>> {
  const reply: unknown = await ipcRenderer.invoke(channel, ...args);
  return unwrapIpcResult<InvokeResponse<C>>(channel, reply);
}

/**
 * Listens to an event channel of the typed map; returns the function that stops listening.
 * The listener gets the payload only, never Electron's event object (its `sender` is
 * ipcRenderer itself). The payload is not checked here, since the sandboxed preload cannot run
 * zod: the page checks what it relies on (e.g. renderer/src/run/host-task.ts).
 */
export function on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
  // Our own wrapper is registered, never the page's function: a function that crossed the
  // context bridge is a fresh proxy each time, so it could not be found again to remove it.
  const forward = (_event: IpcRendererEvent, payload: unknown) => {
    try {
      listener(payload as EventPayload<C>);
    } catch (error) {
      // One failing subscriber must not keep the event from the others.
      console.error(`[preload] a "${channel}" listener threw:`, error);
    }
  };
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

/**
 * Hands each data-cost port the main process sends (electron/main/shell/ipc-main.ts sendDataPort)
 * on to the page. contextBridge cannot pass a MessagePort, but a window message can carry one from
 * this isolated world to the page's main world (Electron's "MessagePorts in Electron" guide does the
 * same). The page checks the message where it arrives (renderer/src/lab/data-port.ts). Nothing of
 * the IPC event is passed on but its ports.
 */
export function forwardDataPorts(): void {
  // The preload's tsconfig has no DOM types: its window, as far as this line uses it.
  const page = globalThis as unknown as {
    postMessage(message: unknown, targetOrigin: string, transfer: IpcRendererEvent['ports']): void;
  };
  ipcRenderer.on(DATA_PORT_CHANNEL, (event: IpcRendererEvent) => {
    // '*': the receiver is this same window; the page checks that the message came from itself.
    page.postMessage({ unfreeze: DATA_PORT_TAG }, '*', event.ports);
  });
}
