import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventChannels, invokeChannels, type EventChannel, type InvokeChannel } from './channels';
import { createUnfreezeApi, type UnfreezeTransport } from './create-unfreeze-api';
import type { UnfreezeApi } from './unfreeze-api';

/**
 * The page's API over a recording transport: what goes over which channel, as one payload, and
 * that every channel of the map is reachable through some function of the API. The preload's
 * Electron glue around it is tested in electron/preload/index.test.ts.
 */
function recordingTransport(replies: Partial<Record<InvokeChannel, unknown>> = {}) {
  const invoked: unknown[][] = [];
  const subscribed: EventChannel[] = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const transport: UnfreezeTransport = {
    invoke: (channel, ...args) => {
      invoked.push([channel, ...args]);
      return Promise.resolve(replies[channel] as never);
    },
    on: (channel, listener) => {
      subscribed.push(channel);
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
  const emit = (channel: EventChannel, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l(payload);
  };
  return { transport, invoked, subscribed, emit };
}

const request = { workload: 'primes', params: { limit: 1000 } } as const;
const setup = { left: 'renderer-main', right: 'worker-thread', request } as const;
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

/** One call of every function of the API, so a test can see which channels the API reaches. */
async function callEverything(api: UnfreezeApi): Promise<void> {
  const off = [
    api.onTaskEvent(() => {}),
    api.onMetrics(() => {}),
    api.onComparePane(() => {}),
    api.onCompareUpdate(() => {}),
    api.onAudienceState(() => {}),
  ];
  await api.getAppInfo();
  await api.startTask('t1', 'worker-thread', request);
  await api.cancelTask('t1');
  await api.startCrash('t2', 'utility-process', 'exit');
  await api.ping();
  await api.openCompare(setup);
  await api.startCompare();
  await api.compareReady('left');
  await api.reportCompare(report);
  await api.runLab('race', { workers: 2 });
  await api.echoData(new Uint8Array(4));
  await api.openDataPort();
  await api.startAudience({ host: 'loopback', runSeconds: 1 });
  await api.audienceCommand({ type: 'reveal' });
  await api.stopAudience();
  await api.fetchMainTrace(1000, 2000);
  await api.chromiumTrace('start');
  for (const stop of off) stop();
}

describe('createUnfreezeApi', () => {
  it('imports only types, so the sandboxed preload bundles it without zod', () => {
    const source = readFileSync(new URL('./create-unfreeze-api.ts', import.meta.url), 'utf8');
    const imports = source.match(/^import .*$/gm) ?? [];
    expect(imports.length).toBeGreaterThan(0);
    for (const line of imports) expect(line).toMatch(/^import type /);
  });

  it('reaches every channel of the map, and no other', async () => {
    const { transport, invoked, subscribed } = recordingTransport();
    const api = createUnfreezeApi(transport);
    await callEverything(api);
    // Every function of the API was called above (a new one fails here until it is added).
    expect(Object.keys(api).sort()).toEqual(
      [
        'edition',
        ...['getAppInfo', 'startTask', 'cancelTask', 'startCrash', 'ping', 'openCompare', 'startCompare'],
        ...['compareReady', 'reportCompare', 'runLab', 'onTaskEvent', 'onMetrics', 'onComparePane', 'onCompareUpdate'],
        'echoData',
        'openDataPort',
        ...['startAudience', 'audienceCommand', 'stopAudience', 'onAudienceState'],
        'fetchMainTrace',
        'chromiumTrace',
      ].sort(),
    );
    expect(new Set(invoked.map(([channel]) => channel))).toEqual(new Set(Object.keys(invokeChannels)));
    expect(new Set(subscribed)).toEqual(new Set(Object.keys(eventChannels)));
  });

  it('sends each call as one payload of the typed map', async () => {
    const { transport, invoked } = recordingTransport({ ping: { at: 123 } });
    const api = createUnfreezeApi(transport);
    expect(api.edition).toBe('desktop');
    await expect(api.startTask('t1', 'utility-process', request)).resolves.toBeUndefined();
    await api.startTask('t1', 'worker-thread', request, 2);
    await expect(api.cancelTask('t1')).resolves.toBeUndefined();
    await expect(api.startCrash('t2', 'worker-thread', 'hang')).resolves.toBeUndefined();
    // The page learns only that the main process answered, not its clock.
    await expect(api.ping()).resolves.toBeUndefined();
    await api.runLab('deadlock', { fixed: true });
    const bytes = new Uint8Array([1, 2, 3]);
    await api.echoData(bytes);
    await expect(api.openDataPort()).resolves.toBeUndefined();
    await api.fetchMainTrace(1000, 2500);
    await api.chromiumTrace('stop');
    expect(invoked).toEqual([
      ['task:start', { taskId: 't1', place: 'utility-process', request }],
      ['task:start', { taskId: 't1', place: 'worker-thread', request, shards: 2 }],
      ['task:cancel', { taskId: 't1' }],
      ['task:crash', { taskId: 't2', place: 'worker-thread', mode: 'hang' }],
      ['ping'],
      ['lab:run', { scenario: 'deadlock', params: { fixed: true } }],
      // The very bytes given, not a copy: the only copy is the one IPC itself makes.
      ['data:echo', { payload: bytes }],
      ['data:port'],
      ['trace:window', { fromMs: 1000, toMs: 2500 }],
      ['trace:chromium', { action: 'stop' }],
    ]);
  });

  it('sends each compare call over its channel, as one payload, and hands back the answers', async () => {
    const { transport, invoked } = recordingTransport({
      'compare:start': { runId: 1, startAt: 5 },
      'compare:ready': setup,
    });
    const api = createUnfreezeApi(transport);
    await api.openCompare(setup);
    await expect(api.startCompare()).resolves.toEqual({ runId: 1, startAt: 5 });
    await expect(api.compareReady('left')).resolves.toEqual(setup);
    await api.reportCompare(report);
    expect(invoked).toEqual([
      ['compare:open', setup],
      ['compare:start'],
      ['compare:ready', { pane: 'left' }],
      ['compare:report', report],
    ]);
  });

  it("rejects with the transport's error, untouched", async () => {
    const transport: UnfreezeTransport = {
      invoke: () => Promise.reject(new Error('Invalid request for "task:start": limit …')),
      on: () => () => {},
    };
    await expect(createUnfreezeApi(transport).startTask('t3', 'main-process', request)).rejects.toThrow(
      'Invalid request for "task:start": limit …',
    );
  });

  it('hands each listener the events of its own channel, until it unsubscribes', () => {
    const { transport, emit } = recordingTransport();
    const api = createUnfreezeApi(transport);
    const events: unknown[] = [];
    const commands: unknown[] = [];
    const offEvents = api.onTaskEvent((e) => events.push(e));
    const offCommands = api.onComparePane((c) => commands.push(c));
    const end = { type: 'end', taskId: 't1', outcome: { status: 'cancelled', elapsedMs: 1 } };
    emit('task:event', end);
    emit('compare:pane', { type: 'setup' });
    emit('metrics', { at: 1 });
    expect(events).toEqual([end]);
    expect(commands).toEqual([{ type: 'setup' }]);
    offEvents();
    offCommands();
    emit('task:event', end);
    expect(events).toHaveLength(1);
  });
});
