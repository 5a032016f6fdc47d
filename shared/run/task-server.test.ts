import { describe, it, expect } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages';
import type { MandelbrotTile } from '../workloads/mandelbrot';
import { MANDELBROT_VIEW } from '../workloads/presets';
import { createTaskServer } from './task-server';

interface Posted {
  readonly message: FromWorker;
  readonly transfer: ArrayBuffer[];
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

function server() {
  const posts: Posted[] = [];
  const handle = createTaskServer({
    post: (message, transfer) => posts.push({ message, transfer }),
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    yieldToLoop: macrotask,
  });
  const ofTask = (taskId: string) => posts.filter((p) => p.message.taskId === taskId).map((p) => p.message);
  const finals = (taskId: string) => ofTask(taskId).filter((m) => m.type !== 'progress');
  /** Waits (in real loop turns, not wall-clock asserts) until `taskId` has a final answer. */
  const settled = async (taskId: string): Promise<FromWorker> => {
    for (let turn = 0; turn < 1_000_000; turn++) {
      const last = finals(taskId)[0];
      if (last) return last;
      await macrotask();
    }
    throw new Error(`task ${taskId} never answered`);
  };
  return { handle, posts, ofTask, finals, settled };
}

const start = (
  taskId: string,
  workload: 'primes' | 'mandelbrot',
  params: unknown,
  shard = { index: 0, count: 1 },
): ToWorker => ({
  type: 'start',
  taskId,
  workload,
  params,
  shard,
});

describe('createTaskServer', () => {
  it('runs a task and answers with progress, then exactly one result', async () => {
    const s = server();
    // Long enough (well over one 33 ms progress interval) to send progress on the way.
    s.handle(start('t1', 'primes', { limit: 2_000_000 }));
    const final = await s.settled('t1');
    expect(final).toMatchObject({ type: 'result', taskId: 't1', part: 148_933 });
    if (final.type === 'result') expect(final.elapsedMs).toBeGreaterThanOrEqual(0);
    const messages = s.ofTask('t1');
    expect(messages.at(-1)).toBe(final);
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    const dones = progress.map((m) => (m.type === 'progress' ? m.done : -1));
    expect(dones).toEqual([...dones].sort((x, y) => x - y));
    expect(dones.at(-1)).toBeLessThanOrEqual(2_000_001);
    expect(s.finals('t1')).toHaveLength(1);
  });

  it('answers a task that brings no chunks with the result alone: it says "all done" by itself', async () => {
    const s = server();
    s.handle(start('tiny', 'primes', { limit: 100 }));
    const final = await s.settled('tiny');
    expect(final).toMatchObject({ type: 'result', part: 25 });
    expect(s.ofTask('tiny')).toEqual([final]);
  });

  it('runs one shard of a split task', async () => {
    const s = server();
    s.handle(start('a', 'primes', { limit: 100_000 }, { index: 0, count: 2 }));
    s.handle(start('b', 'primes', { limit: 100_000 }, { index: 1, count: 2 }));
    const [a, b] = await Promise.all([s.settled('a'), s.settled('b')]);
    if (a.type !== 'result' || b.type !== 'result') throw new Error('expected two results');
    expect(Number(a.part) + Number(b.part)).toBe(9_592);
  });

  it('sends Mandelbrot tiles with their pixel buffers in the transfer list', async () => {
    const s = server();
    const params = { ...MANDELBROT_VIEW, width: 64, height: 48, maxIterations: 100, tileSize: 16 };
    s.handle(start('m', 'mandelbrot', params));
    await s.settled('m');
    const withChunks = s.posts.filter((p) => p.message.type === 'progress' && p.message.chunks.length > 0);
    const tiles = withChunks.flatMap((p) =>
      p.message.type === 'progress' ? (p.message.chunks as MandelbrotTile[]) : [],
    );
    expect(tiles).toHaveLength(12);
    for (const p of withChunks) {
      const chunks = p.message.type === 'progress' ? (p.message.chunks as MandelbrotTile[]) : [];
      expect(p.transfer).toEqual(chunks.map((t) => t.rgba.buffer));
    }
  });

  it('answers "cancelled" when cancelled part-way, and only that', async () => {
    const s = server();
    s.handle(start('long', 'primes', { limit: 100_000_000 }));
    await macrotask();
    s.handle({ type: 'cancel', taskId: 'long' });
    expect(await s.settled('long')).toEqual({ type: 'cancelled', taskId: 'long' });
    expect(s.finals('long')).toHaveLength(1);
  });

  it('can run a task again under the same id once it has ended', async () => {
    const s = server();
    s.handle(start('again', 'primes', { limit: 100_000_000 }));
    s.handle({ type: 'cancel', taskId: 'again' });
    await s.settled('again');
    s.posts.length = 0;
    s.handle(start('again', 'primes', { limit: 1000 }));
    expect(await s.settled('again')).toMatchObject({ type: 'result', part: 168 });
  });

  it('ignores a cancel for a task it is not running', async () => {
    const s = server();
    s.handle({ type: 'cancel', taskId: 'nobody' });
    s.handle(start('later', 'primes', { limit: 1000 }));
    expect(await s.settled('later')).toMatchObject({ type: 'result', part: 168 });
    expect(s.ofTask('nobody')).toEqual([]);
  });

  it('answers a workload that throws with an error for its task, and keeps serving', async () => {
    // Parameters are not checked here (the pool's owner did): a workload that throws ends its task.
    const s = server();
    s.handle(start('boom', 'primes', undefined));
    expect(await s.settled('boom')).toEqual({
      type: 'error',
      taskId: 'boom',
      message: "Cannot read properties of undefined (reading 'limit')",
    });
    s.handle(start('after', 'primes', { limit: 1000 }));
    expect(await s.settled('after')).toMatchObject({ type: 'result', part: 168 });
  });

  it('refuses a second start of a task that is still running', async () => {
    const s = server();
    s.handle(start('dup', 'primes', { limit: 100_000_000 }));
    s.handle(start('dup', 'primes', { limit: 10 }));
    expect(s.finals('dup')).toEqual([{ type: 'error', taskId: 'dup', message: 'Task dup is already running here' }]);
    s.handle({ type: 'cancel', taskId: 'dup' });
    // The first (still running) task answers for itself once it sees the cancel.
    for (let turn = 0; turn < 1_000_000 && s.finals('dup').length < 2; turn++) await macrotask();
    expect(s.finals('dup').map((m) => m.type)).toEqual(['error', 'cancelled']);
  });
});
