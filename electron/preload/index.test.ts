import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { UnfreezeApi } from './api';

/**
 * The preload against stand-ins for contextBridge and ipcRenderer: what the page gets, what goes
 * over which channel, and that Electron's event object never reaches the page.
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
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
  return { ipcRenderer, contextBridge, exposed, replies, invoked };
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
  it('exposes exactly the task-shaped API as window.unfreeze, and no ipcRenderer', () => {
    expect([...fake.exposed.keys()]).toEqual(['unfreeze']);
    expect(Object.keys(api).sort()).toEqual([
      'cancelTask',
      'compareReady',
      'edition',
      'getAppInfo',
      'onComparePane',
      'onCompareUpdate',
      'onMetrics',
      'onTaskEvent',
      'openCompare',
      'ping',
      'reportCompare',
      'runLab',
      'startCompare',
      'startCrash',
      'startTask',
    ]);
    expect(api.edition).toBe('desktop');
    for (const value of Object.values(api)) expect(value).not.toBe(ipcRenderer);
  });

  it('sends each call as one payload of the typed map', async () => {
    fake.invoked.length = 0;
    fake.replies.set('ping', { ok: true, value: { at: 123 } });
    await expect(api.startTask('t1', 'utility-process', request)).resolves.toBeUndefined();
    await expect(api.cancelTask('t1')).resolves.toBeUndefined();
    await expect(api.startCrash('t2', 'worker-thread', 'hang')).resolves.toBeUndefined();
    // The page learns only that the main process answered, not its clock.
    await expect(api.ping()).resolves.toBeUndefined();
    expect(fake.invoked).toEqual([
      ['task:start', { taskId: 't1', place: 'utility-process', request }],
      ['task:cancel', { taskId: 't1' }],
      ['task:crash', { taskId: 't2', place: 'worker-thread', mode: 'hang' }],
      ['ping'],
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
  it('sends each compare call over its channel, as one payload', async () => {
    fake.invoked.length = 0;
    const setup = { left: 'renderer-main', right: 'worker-thread', request } as const;
    fake.replies.set('compare:start', { ok: true, value: { runId: 1, startAt: 5 } });
    fake.replies.set('compare:ready', { ok: true, value: setup });
    await api.openCompare(setup);
    await expect(api.startCompare()).resolves.toEqual({ runId: 1, startAt: 5 });
    await expect(api.compareReady('left')).resolves.toEqual(setup);
    const report = {
      runId: 1,
      pane: 'left',
      result: {
        status: 'done',
        startedAt: 5,
        wallMs: 1,
        worstGapMs: 1,
        framesOver50: 0,
        inputDelayP95Ms: null,
        mainStallMs: null,
      },
    } as const;
    await api.reportCompare(report);
    expect(fake.invoked).toEqual([
      ['compare:open', setup],
      ['compare:start'],
      ['compare:ready', { pane: 'left' }],
      ['compare:report', report],
    ]);
  });

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
