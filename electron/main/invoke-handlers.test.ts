import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskEventSchema, type TaskEvent } from '../../shared/host/task-event';
import { INVOKE_CHANNELS, invokeChannels, type InvokeChannel } from '../../shared/ipc/channels';
import { ipcOk } from '../../shared/ipc/result';
import { createCompareHub } from './compare-hub';
import { createInvokeHandlers } from './invoke-handlers';
import { dispatchInvoke, type InvokeHandlers } from './ipc-dispatch';
import { createLabRunner, type LabRunner } from './lab/lab-runner';
import { labThreadSpawner, type LabThreads } from './lab/lab-thread-spawner';
import { createTaskIpc, type EventTarget } from './task-ipc';
import { sourceThreadSpawner } from './task-host/fixtures/source-entries';
import { withTimeout } from './task-host/fixtures/task-runs';
import { createTaskHost, type TaskHost } from './task-host/task-host';
import { MAIN_PROCESS, MAIN_THREAD } from '../../shared/trace/place-tracks';
import { createMainTrace, type MainTrace } from './trace/main-trace';

/**
 * The one handlers object, built from real parts (a task host with real worker threads, the lab's
 * real threads, the compare hub) and called the way the app calls it: through dispatchInvoke.
 */

const OUR_PAGE = 'unfreeze://app/index.html';
const appInfo = { appVersion: '0.1.0', electron: '45.5.0', chrome: '146.0.0.0', node: '24.14.0', platform: 'linux' };

class Window implements EventTarget {
  static next = 1;
  readonly id = Window.next++;
  readonly events: TaskEvent[] = [];
  /** How many data-cost ports were sent to this window. */
  ports = 0;
  isDestroyed = () => false;
}

let host: TaskHost;
let lab: LabRunner;
let labThreads: LabThreads;
let handlers: InvokeHandlers<Window>;
const panes = { left: new Window(), right: new Window() };
let mainTrace: MainTrace;

beforeAll(() => {
  mainTrace = createMainTrace();
  host = createTaskHost({
    workerThreads: { size: 2, spawn: sourceThreadSpawner() },
    // Never used here: a utility process is not started by any call below.
    utility: { size: 1, spawn: sourceThreadSpawner() },
  });
  labThreads = labThreadSpawner(new URL('./lab/fixtures/lab-thread-via-tsx.mjs', import.meta.url));
  lab = createLabRunner(labThreads.spawn);
  const tasks = createTaskIpc<Window>({
    host,
    send: (window, event) => {
      window.events.push(event);
      return ipcOk(true);
    },
  });
  const compare = createCompareHub<Window>({
    clock: () => 1_000,
    openPanes: () => panes,
    sendPane: () => ipcOk(true),
    sendController: () => ipcOk(true),
  });
  handlers = createInvokeHandlers({
    tasks: tasks.handlers,
    compare: compare.handlers,
    lab,
    appInfo: () => appInfo,
    clock: () => 42.5,
    dataPort: (window) => {
      window.ports++;
    },
    mainTrace,
  });
});

afterAll(async () => {
  mainTrace.stop();
  lab.dispose();
  await withTimeout(Promise.all([host.dispose(), labThreads.allExited()]), 10_000, 'every thread exits');
});

const call = <C extends InvokeChannel>(channel: C, sender: Window, ...args: unknown[]) =>
  dispatchInvoke<C, Window>(
    { channel, args, senderUrl: OUR_PAGE, sender, trustedOrigins: ['unfreeze://app'] },
    handlers[channel],
  );

describe('createInvokeHandlers', () => {
  it('has one handler for every channel of the map, and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(invokeChannels).sort());
    expect(INVOKE_CHANNELS).toEqual(Object.keys(invokeChannels));
    for (const channel of INVOKE_CHANNELS) expect(handlers[channel], channel).toBeTypeOf('function');
  });

  it('answers app:info and ping from what it was given', async () => {
    const window = new Window();
    await expect(call('app:info', window)).resolves.toEqual({ ok: true, value: appInfo });
    await expect(call('ping', window)).resolves.toEqual({ ok: true, value: { at: 42.5 } });
  });

  it('runs a task on real worker threads and sends its events to the window that started it', async () => {
    const window = new Window();
    const start = { taskId: 'h-1', place: 'worker-thread', request: { workload: 'primes', params: { limit: 50_000 } } };
    await expect(call('task:start', window, start)).resolves.toEqual({ ok: true, value: undefined });
    await withTimeout(
      (async () => {
        while (!window.events.some((e) => e.type === 'end')) await new Promise((r) => setTimeout(r, 10));
      })(),
      20_000,
      'the task ends',
    );
    const events = window.events.map((e) => taskEventSchema.parse(e));
    // Each worker thread's own spans come along, for the page's timeline: its job, on its lane.
    const traces = events.flatMap((e) => (e.type === 'trace' ? [e] : []));
    expect(traces.flatMap((t) => t.trace.spans.map((s) => s.name)).filter((n) => n.startsWith('job '))).toHaveLength(2);
    expect(new Set(traces.map((t) => t.lane))).toEqual(new Set([0, 1]));
    expect(events.at(-1)).toMatchObject({
      type: 'end',
      taskId: 'h-1',
      outcome: { status: 'done', result: { limit: 50_000, count: 5_133 } },
    });
  });

  it("refuses bad parameters with the workload's own message, as a bad request", async () => {
    const bad = { taskId: 'h-2', place: 'worker-thread', request: { workload: 'primes', params: { limit: 1 } } };
    await expect(call('task:start', new Window(), bad)).resolves.toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message:
          'Invalid request for "task:start": Invalid Prime counting parameters: limit: ' +
          'limit must be a whole number from 2 to 100,000,000',
      },
    });
  });

  it('hands a compare setup to the pane that asks, and runs a lab scenario in real threads', async () => {
    const controller = new Window();
    const setup = {
      left: 'renderer-main',
      right: 'worker-thread',
      request: { workload: 'primes', params: { limit: 1000 } },
    };
    await expect(call('compare:open', controller, setup)).resolves.toEqual({ ok: true, value: undefined });
    await expect(call('compare:ready', panes.left, { pane: 'left' })).resolves.toEqual({ ok: true, value: setup });
    // Only that pane may ask for its setup.
    await expect(call('compare:ready', controller, { pane: 'left' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    const answer = await call('lab:run', controller, { scenario: 'bank', params: { locked: true } });
    expect(answer).toMatchObject({ ok: true, value: { status: 'done', asExpected: true } });
  });

  it('records each request it handles as a span, and hands them out for a window over trace:window', async () => {
    const clock = () => performance.timeOrigin + performance.now();
    const before = clock();
    await call('ping', new Window());
    const after = clock();
    const answer = await call('trace:window', new Window(), { fromMs: before, toMs: after + 1 });
    if (!answer.ok) throw new Error(answer.error.message);
    const { tracks, records } = answer.value;
    const pings = records.filter((r) => r.kind === 'span' && r.name === 'IPC ping');
    expect(pings).toHaveLength(1);
    expect(tracks[pings[0]?.track ?? -1]).toEqual({ process: MAIN_PROCESS, thread: MAIN_THREAD, lane: null });
    const [ping] = pings;
    if (ping?.kind !== 'span') throw new Error('no span');
    expect(ping.startMs).toBeGreaterThanOrEqual(before);
    expect(ping.endMs).toBeLessThanOrEqual(after);
    // Fetching the spans is not itself a span on the lane it fetches.
    const again = await call('trace:window', new Window(), { fromMs: before, toMs: clock() + 1 });
    expect(again.ok && again.value.records.some((r) => r.kind === 'span' && r.name === 'IPC trace:window')).toBe(false);
    // Chromium's tracer is Electron's: a main side without one says so instead of pretending.
    const chromium = await call('trace:chromium', new Window(), { action: 'start' });
    expect(chromium.ok ? '' : chromium.error.message).toContain('Chromium’s tracer needs Electron’s main process');
    const backwards = await call('trace:window', new Window(), { fromMs: 6000, toMs: 5000 });
    expect(backwards.ok ? '' : backwards.error.message).toContain('toMs must be from fromMs');
  });

  it('echoes a payload with the main clock, and refuses one over 64 MiB naming the cap', async () => {
    const payload = new Uint8Array([7, 8, 9]);
    await expect(call('data:echo', new Window(), { payload })).resolves.toEqual({
      ok: true,
      value: { receivedAt: 42.5, payload },
    });
    const tooBig = await call('data:echo', new Window(), { payload: new Uint8Array(64 * 1024 * 1024 + 1) });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(tooBig.ok ? '' : tooBig.error.message).toContain('payload must be at most 64 MiB (67108864 bytes)');
  });

  it('sends a data-cost port to the window that asked, and to no other', async () => {
    const asking = new Window();
    const other = new Window();
    await expect(call('data:port', asking)).resolves.toEqual({ ok: true, value: undefined });
    expect([asking.ports, other.ports]).toEqual([1, 0]);
    const refused = await call('data:port', other, { extra: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(other.ports).toBe(0);
  });
});
