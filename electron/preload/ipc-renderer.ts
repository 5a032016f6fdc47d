import { ipcRenderer, type IpcRendererEvent } from 'electron';
// Types only: the sandboxed preload cannot load zod, so validation happens in the main process.
import type { EventChannel, EventPayload, InvokeArgs, InvokeChannel, InvokeResponse } from '../../shared/ipc/channels';
import { unwrapIpcResult } from '../../shared/ipc/result';

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
