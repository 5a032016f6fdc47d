import { describe, expect, it, vi } from 'vitest';
import type { TaskEvent } from '../../shared/host/task-event';
import { ipcFail, type IpcResult } from '../../shared/ipc/result';
import { RequestRefusedError } from './ipc-dispatch';
import { MAX_TASKS_PER_WINDOW } from './sender-quota';
import { createTaskIpc, type EventTarget, type TaskHostPort } from './task-ipc';

/** The router against a scripted host: which window gets which event, and what happens when one goes. */

class FakeWindow implements EventTarget {
  destroyed = false;
  readonly received: TaskEvent[] = [];
  constructor(readonly id: number) {}
  isDestroyed() {
    return this.destroyed;
  }
}

type Emit = (event: TaskEvent) => void;

function setup(options: { refuse?: string; sendFails?: (event: TaskEvent) => boolean } = {}) {
  const emits = new Map<string, Emit>();
  const host = {
    start: vi.fn((taskId: string, _place: unknown, _request: unknown, emit: Emit) => {
      if (options.refuse) throw new Error(options.refuse);
      emits.set(taskId, emit);
    }),
    startCrash: vi.fn((taskId: string, _place: unknown, _mode: unknown, emit: Emit) => {
      emits.set(taskId, emit);
    }),
    cancel: vi.fn((_taskId: string) => true),
  } satisfies TaskHostPort;
  const send = vi.fn((target: FakeWindow, event: TaskEvent): IpcResult<boolean> => {
    if (options.sendFails?.(event))
      return ipcFail('bad-event', 'Could not send "task:event": An object could not be cloned.');
    target.received.push(event);
    return { ok: true, value: true };
  });
  let t = 1000;
  const ipc = createTaskIpc<FakeWindow>({ host, send, now: () => t });
  const emit = (taskId: string, event: TaskEvent) => emits.get(taskId)?.(event);
  const advance = (ms: number) => (t += ms);
  return { host, send, ipc, emit, advance };
}

const request = { workload: 'primes', params: { limit: 1000 } } as const;
const progress = (taskId: string): TaskEvent => ({ type: 'progress', taskId, done: 1, total: 2, lane: 0, chunks: [] });
const done = (taskId: string): TaskEvent => ({
  type: 'end',
  taskId,
  outcome: { status: 'done', result: 1, elapsedMs: 5 },
});
const ctx = (sender: FakeWindow) => ({ senderUrl: 'unfreeze://app/index.html', sender });

describe('createTaskIpc', () => {
  it('sends every event of a task to the window that started it, and forgets the task at its end', () => {
    const { ipc, emit } = setup();
    const a = new FakeWindow(1);
    const b = new FakeWindow(2);
    ipc.handlers['task:start']({ taskId: 't1', place: 'worker-thread', request }, ctx(a));
    ipc.handlers['task:start']({ taskId: 't2', place: 'utility-process', request }, ctx(b));
    emit('t1', progress('t1'));
    emit('t2', progress('t2'));
    emit('t1', done('t1'));
    expect(a.received.map((e) => [e.taskId, e.type])).toEqual([
      ['t1', 'progress'],
      ['t1', 'end'],
    ]);
    expect(b.received.map((e) => [e.taskId, e.type])).toEqual([['t2', 'progress']]);
    expect(ipc.routed()).toBe(1);
    emit('t1', progress('t1'));
    expect(a.received).toHaveLength(2);
  });

  it('routes crash-lab jobs the same way', () => {
    const { ipc, host, emit } = setup();
    const a = new FakeWindow(1);
    ipc.handlers['task:crash']({ taskId: 'c1', place: 'utility-process', mode: 'crash' }, ctx(a));
    expect(host.startCrash).toHaveBeenCalledWith('c1', 'utility-process', 'crash', expect.any(Function));
    emit('c1', {
      type: 'end',
      taskId: 'c1',
      outcome: { status: 'failed', message: 'Unfreeze worker 1 exited', elapsedMs: 3 },
    });
    expect(a.received).toHaveLength(1);
    expect(ipc.routed()).toBe(0);
  });

  it('turns a refusal by the host into a RequestRefusedError with its message, and keeps nothing', () => {
    const { ipc } = setup({ refuse: 'Invalid Primes parameters: limit: must be a whole number from 2 to 100,000,000' });
    const start = () =>
      ipc.handlers['task:start']({ taskId: 't1', place: 'main-process', request }, ctx(new FakeWindow(1)));
    expect(start).toThrow(RequestRefusedError);
    expect(start).toThrow(/^Invalid Primes parameters: limit/);
    expect(ipc.routed()).toBe(0);
  });

  it('refuses a task id that is already running', () => {
    const { ipc, host } = setup();
    const a = new FakeWindow(1);
    ipc.handlers['task:start']({ taskId: 't1', place: 'worker-thread', request }, ctx(a));
    expect(() => ipc.handlers['task:start']({ taskId: 't1', place: 'worker-thread', request }, ctx(a))).toThrow(
      'Task t1 is already running',
    );
    expect(host.start).toHaveBeenCalledTimes(1);
  });

  it('cancels only for the window that owns the task; an unknown task is a no-op', () => {
    const { ipc, host } = setup();
    const a = new FakeWindow(1);
    ipc.handlers['task:start']({ taskId: 't1', place: 'worker-thread', request }, ctx(a));
    expect(() => ipc.handlers['task:cancel']({ taskId: 't1' }, ctx(new FakeWindow(2)))).toThrow(
      'Task t1 belongs to another window',
    );
    expect(host.cancel).not.toHaveBeenCalled();
    expect(ipc.handlers['task:cancel']({ taskId: 'nope' }, ctx(a))).toBeUndefined();
    expect(host.cancel).not.toHaveBeenCalled();
    ipc.handlers['task:cancel']({ taskId: 't1' }, ctx(a));
    expect(host.cancel).toHaveBeenCalledWith('t1');
  });

  it('cancels the task of a window that was destroyed, at its next event, and sends it nothing', () => {
    const { ipc, host, send, emit } = setup();
    const a = new FakeWindow(1);
    ipc.handlers['task:start']({ taskId: 't1', place: 'worker-thread', request }, ctx(a));
    a.destroyed = true;
    emit('t1', progress('t1'));
    expect(host.cancel).toHaveBeenCalledWith('t1');
    emit('t1', done('t1'));
    expect(send).not.toHaveBeenCalled();
    expect(ipc.routed()).toBe(0);
  });

  it('cancels every task of a window that went away, and only those', () => {
    const { ipc, host } = setup();
    const a = new FakeWindow(1);
    const b = new FakeWindow(2);
    ipc.handlers['task:start']({ taskId: 'a1', place: 'worker-thread', request }, ctx(a));
    ipc.handlers['task:crash']({ taskId: 'a2', place: 'worker-thread', mode: 'hang' }, ctx(a));
    ipc.handlers['task:start']({ taskId: 'b1', place: 'worker-thread', request }, ctx(b));
    ipc.senderGone(1);
    expect(host.cancel.mock.calls.map(([id]) => id)).toEqual(['a1', 'a2']);
    expect(ipc.routed()).toBe(1);
  });

  it('ends a task as failed when one of its events cannot be sent, then drops the rest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ipc, host, emit, advance } = setup({ sendFails: (e) => e.type === 'progress' });
    const a = new FakeWindow(1);
    ipc.handlers['task:start']({ taskId: 't1', place: 'worker-thread', request }, ctx(a));
    advance(250);
    emit('t1', progress('t1'));
    emit('t1', done('t1'));
    expect(host.cancel).toHaveBeenCalledWith('t1');
    expect(a.received).toEqual([
      {
        type: 'end',
        taskId: 't1',
        outcome: {
          status: 'failed',
          message: 'Could not send "task:event": An object could not be cloned.',
          elapsedMs: 250,
        },
      },
    ]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('refuses a window past its cap of tasks, and counts a task again only once it has ended', () => {
    const { ipc, emit } = setup();
    const a = new FakeWindow(1);
    const b = new FakeWindow(2);
    for (let i = 0; i < MAX_TASKS_PER_WINDOW; i++)
      ipc.handlers['task:start']({ taskId: `a${i}`, place: 'worker-thread', request }, ctx(a));
    const over = () => ipc.handlers['task:start']({ taskId: 'a-over', place: 'worker-thread', request }, ctx(a));
    expect(over).toThrow(RequestRefusedError);
    expect(over).toThrow(`at most ${MAX_TASKS_PER_WINDOW} per window`);
    // Another window is not affected, and the crash lab counts too.
    ipc.handlers['task:start']({ taskId: 'b0', place: 'worker-thread', request }, ctx(b));
    expect(() =>
      ipc.handlers['task:crash']({ taskId: 'a-crash', place: 'utility-process', mode: 'hang' }, ctx(a)),
    ).toThrow(RequestRefusedError);
    emit('a0', done('a0'));
    expect(over).not.toThrow();
    ipc.senderGone(a.id);
    expect(ipc.routed()).toBe(1);
    ipc.handlers['task:start']({ taskId: 'a-again', place: 'worker-thread', request }, ctx(a));
  });
});
