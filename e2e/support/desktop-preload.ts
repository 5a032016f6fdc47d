import type { EventChannel, EventPayload, InvokeArgs, InvokeChannel, InvokeResponse } from '../../shared/ipc/channels';
import { createUnfreezeApi, type UnfreezeTransport } from '../../shared/ipc/create-unfreeze-api';
import { unwrapIpcResult } from '../../shared/ipc/result';
import {
  DELIVER_EVENTS,
  INVOKE_BINDING,
  type DeliveredEvent,
  type DeliverEvents,
  type InvokeBinding,
} from './desktop-page-contract';

/**
 * The preload, for a page in plain Chromium: bundled by the desktop harness (esbuild, IIFE) and
 * installed with page.addInitScript, so it runs before the page's own scripts, as a preload does.
 * It builds `window.unfreeze` with the app's own factory; only the transport differs from
 * electron/preload/ipc-renderer.ts: `invoke` calls a Playwright binding instead of
 * ipcRenderer.invoke (and unwraps the dispatcher's IpcResult the same way), and events arrive
 * through DELIVER_EVENTS instead of ipcRenderer.on. Nothing else of Electron is imitated.
 */

const scope = globalThis as unknown as Record<string, unknown>;

/**
 * Playwright defines the binding before this script runs. It is taken off the page's global
 * scope, as ipcRenderer is out of a page's reach behind contextBridge: the page's own scripts
 * can reach the main side only through `window.unfreeze`.
 */
const captured = scope[INVOKE_BINDING];
if (typeof captured === 'function') Reflect.deleteProperty(scope, INVOKE_BINDING);

function binding(): InvokeBinding {
  if (typeof captured !== 'function') throw new Error('The desktop harness’s IPC binding is missing from this page');
  return captured as InvokeBinding;
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

async function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResponse<C>> {
  const reply: unknown = await binding()(channel, ...args);
  return unwrapIpcResult<InvokeResponse<C>>(channel, reply);
}

function on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
  // As in ipc-renderer.ts: one failing subscriber must not keep the event from the others.
  const forward = (payload: unknown) => {
    try {
      listener(payload as EventPayload<C>);
    } catch (error) {
      console.error(`[preload] a "${channel}" listener threw:`, error);
    }
  };
  let set = listeners.get(channel);
  if (!set) listeners.set(channel, (set = new Set()));
  set.add(forward);
  return () => {
    set.delete(forward);
  };
}

const deliver: DeliverEvents = (events: readonly DeliveredEvent[]) => {
  for (const { channel, payload } of events) {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
  }
};

const transport: UnfreezeTransport = { invoke, on };
const api = createUnfreezeApi(transport);

// contextBridge hands the page a read-only copy; a frozen, non-writable property is the stand-in.
Object.defineProperty(globalThis, 'unfreeze', { value: Object.freeze(api), enumerable: true });
Object.defineProperty(globalThis, DELIVER_EVENTS, { value: deliver });
