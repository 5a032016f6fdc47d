import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { DATA_PORT_CHANNEL, DATA_PORT_TAG } from '../../shared/datacost/data-port';
import { createUnfreezeApi } from '../../shared/ipc/create-unfreeze-api';
import type { UnfreezeApi } from '../../shared/ipc/unfreeze-api';

/**
 * The preload's glue against stand-ins for contextBridge and ipcRenderer (Electron cannot load
 * here): the page gets the factory's API and nothing else, calls go out over ipcRenderer.invoke,
 * answers are unwrapped, and Electron's event object never reaches the page. What each function
 * sends over which channel is the factory's, tested in shared/ipc/create-unfreeze-api.test.ts.
 */

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const replies = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args]);
      return replies.get(channel) ?? { ok: true, value: undefined };
    },
  });
  const exposed = new Map<string, unknown>();
  // The page's window.postMessage, as the preload reaches it (Node has none).
  const windowMessages: unknown[][] = [];
  Object.assign(globalThis, { postMessage: (...args: unknown[]) => windowMessages.push(args) });
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
  return { ipcRenderer, contextBridge, exposed, replies, invoked, windowMessages };
});

vi.mock('electron', () => {
  const { ipcRenderer, contextBridge } = fake;
  return { ipcRenderer, contextBridge, default: { ipcRenderer, contextBridge } };
});

const ipcRenderer: EventEmitter = fake.ipcRenderer;
await import('./index');
const api = fake.exposed.get('unfreeze') as UnfreezeApi;
const request = { workload: 'primes', params: { limit: 1000 } } as const;

describe('preload', () => {
  it("exposes exactly the factory's API as window.unfreeze, and no ipcRenderer", () => {
    expect([...fake.exposed.keys()]).toEqual(['unfreeze']);
    const factoryApi = createUnfreezeApi({ invoke: () => Promise.reject(new Error('unused')), on: () => () => {} });
    expect(Object.keys(api).sort()).toEqual(Object.keys(factoryApi).sort());
    expect(api.edition).toBe('desktop');
    for (const value of Object.values(api)) expect(value).not.toBe(ipcRenderer);
  });

  it('sends each call through ipcRenderer.invoke, as one payload, and unwraps the answer', async () => {
    fake.invoked.length = 0;
    fake.replies.set('ping', { ok: true, value: { at: 123 } });
    fake.replies.set('compare:start', { ok: true, value: { runId: 1, startAt: 5 } });
    await expect(api.startTask('t1', 'utility-process', request)).resolves.toBeUndefined();
    await expect(api.ping()).resolves.toBeUndefined();
    await expect(api.startCompare()).resolves.toEqual({ runId: 1, startAt: 5 });
    expect(fake.invoked).toEqual([
      ['task:start', { taskId: 't1', place: 'utility-process', request }],
      ['ping'],
      ['compare:start'],
    ]);
  });

  it("rejects with the main process's own message", async () => {
    fake.replies.set('task:start', {
      ok: false,
      error: { code: 'bad-request', message: 'Invalid request for "task:start": limit …' },
    });
    await expect(api.startTask('t3', 'main-process', request)).rejects.toThrow(
      'Invalid request for "task:start": limit …',
    );
    fake.replies.delete('task:start');
  });

  it('hands listeners the payload only, until they unsubscribe', () => {
    const events: unknown[][] = [];
    const metrics: unknown[][] = [];
    const offEvents = api.onTaskEvent((...args) => events.push(args));
    const offMetrics = api.onMetrics((...args) => metrics.push(args));
    const payload = { type: 'end', taskId: 't1', outcome: { status: 'cancelled', elapsedMs: 1 } };
    ipcRenderer.emit('task:event', { sender: ipcRenderer, ports: [] }, payload);
    ipcRenderer.emit('metrics', { sender: ipcRenderer, ports: [] }, { at: 1 });
    expect(events).toEqual([[payload]]);
    expect(metrics).toEqual([[{ at: 1 }]]);
    offEvents();
    offMetrics();
    ipcRenderer.emit('task:event', { sender: ipcRenderer }, payload);
    expect(events).toHaveLength(1);
    expect(ipcRenderer.listenerCount('task:event')).toBe(0);
    expect(ipcRenderer.listenerCount('metrics')).toBe(0);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: unknown[] = [];
    const offBad = api.onMetrics(() => {
      throw new Error('page bug');
    });
    const offGood = api.onMetrics((m) => seen.push(m));
    ipcRenderer.emit('metrics', {}, { at: 2 });
    expect(seen).toEqual([{ at: 2 }]);
    expect(error).toHaveBeenCalledOnce();
    offBad();
    offGood();
    error.mockRestore();
  });
});

describe('preload: compare mode', () => {
  it('hands pane commands and controller updates to their listeners only', () => {
    const commands: unknown[] = [];
    const updates: unknown[] = [];
    const off1 = api.onComparePane((c) => commands.push(c));
    const off2 = api.onCompareUpdate((u) => updates.push(u));
    ipcRenderer.emit('compare:pane', { sender: ipcRenderer }, { type: 'setup' });
    ipcRenderer.emit('compare:update', { sender: ipcRenderer }, { type: 'closed' });
    expect(commands).toEqual([{ type: 'setup' }]);
    expect(updates).toEqual([{ type: 'closed' }]);
    off1();
    off2();
    expect(ipcRenderer.listenerCount('compare:pane')).toBe(0);
  });
});

describe('preload: the data-cost port', () => {
  it("hands each port the main process sends on to the page's window, tagged, and nothing else of the event", () => {
    const { port1, port2 } = new MessageChannel();
    ipcRenderer.emit(DATA_PORT_CHANNEL, { sender: ipcRenderer, ports: [port1] });
    expect(fake.windowMessages).toEqual([[{ unfreeze: DATA_PORT_TAG }, '*', [port1]]]);
    port1.close();
    port2.close();
  });
});
