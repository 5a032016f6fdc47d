import { afterAll, describe, expect, it } from 'vitest';
import type { TaskEvent } from '../../../shared/host/task-event';
import { recording, sourceThreadSpawner } from './fixtures/source-entries';
import { withTimeout } from './fixtures/task-runs';
import { createTaskHost } from './task-host';
import { createTaskIpc, type EventTarget } from '../task-ipc';
import { dispatchInvoke } from '../ipc-dispatch';
import { trustedOrigins } from '../trusted-sender';

/**
 * The speedup chart's path in the desktop app: a task split into 1..N shares on the worker-thread
 * pool, asked for over IPC (`shards`), with real worker threads running the real entry.
 */
describe('task:start with shards', () => {
  const threads = recording(sourceThreadSpawner());
  const host = createTaskHost({
    workerThreads: { size: 2, spawn: threads.spawn },
    utility: {
      size: 1,
      spawn: () => {
        throw new Error('not used');
      },
    },
  });
  const events: TaskEvent[] = [];
  const ipc = createTaskIpc<EventTarget>({ host, send: (_t, e) => (events.push(e), { ok: true, value: true }) });
  const sender: EventTarget = { id: 1, isDestroyed: () => false };
  const start = (payload: unknown) =>
    dispatchInvoke(
      {
        channel: 'task:start',
        args: [payload],
        senderUrl: 'unfreeze://app/index.html',
        sender,
        trustedOrigins: trustedOrigins(),
      },
      ipc.handlers['task:start'],
    );
  const request = { workload: 'primes', params: { limit: 60_000 } } as const;

  afterAll(async () => {
    await withTimeout(host.dispose(), 10_000, 'dispose');
  });

  async function lanesOf(taskId: string): Promise<number> {
    await withTimeout(
      new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (events.some((e) => e.taskId === taskId && e.type === 'end')) {
            clearInterval(t);
            resolve();
          }
        }, 10);
      }),
      20_000,
      taskId,
    );
    const end = events.find((e) => e.taskId === taskId && e.type === 'end');
    expect(end).toMatchObject({ outcome: { status: 'done', result: { limit: 60_000, count: 6057 } } });
    const lanes = events
      .filter((e): e is Extract<TaskEvent, { type: 'lanes' }> => e.taskId === taskId && e.type === 'lanes')
      .at(-1);
    return lanes?.lanes.length ?? 0;
  }

  it('splits the work into as many shares as asked, with the same answer', async () => {
    expect(await start({ taskId: 'one', place: 'worker-thread', request, shards: 1 })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await lanesOf('one')).toBe(1);
    expect(await start({ taskId: 'two', place: 'worker-thread', request, shards: 2 })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await lanesOf('two')).toBe(2);
    expect(await start({ taskId: 'default', place: 'worker-thread', request })).toEqual({ ok: true, value: undefined });
    expect(await lanesOf('default')).toBe(2);
  });

  it('refuses a share count out of range, and starts nothing', async () => {
    for (const shards of [0, 65, 1.5, '2']) {
      const r = await start({ taskId: `bad-${String(shards)}`, place: 'worker-thread', request, shards });
      expect(r.ok === false && r.error.message).toMatch(/shards must be a whole number from 1 to 64/);
    }
    expect(events.some((e) => e.taskId.startsWith('bad-'))).toBe(false);
  });
});
