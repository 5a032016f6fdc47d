import { ipcRenderer } from 'electron';
// Types only: the sandboxed preload cannot load zod, so validation happens in the main process.
import type { InvokeArgs, InvokeChannel, InvokeResponse } from '../../shared/ipc/channels';
import { unwrapIpcResult } from '../../shared/ipc/result';

/**
 * The only file that touches raw `ipcRenderer`. Calls a channel of the typed map and returns its
 * answer, or throws an `IpcCallError` carrying the main process's own message.
 */
export async function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResponse<C>> {
  const reply: unknown = await ipcRenderer.invoke(channel, ...args);
  return unwrapIpcResult<InvokeResponse<C>>(channel, reply);
}
