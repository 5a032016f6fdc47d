import { describe, it, expect } from 'vitest';
import { WorkerPool, type PoolWorker, type SpawnWorker, type Timers } from '../pool/worker-pool';
import type { ToWorker } from '../protocol/messages';
import type { MandelbrotTile } from '../workloads/mandelbrot';
import { ParamsError } from '../workloads/params-error';
import { MANDELBROT_VIEW } from '../workloads/presets';
import { guidedShards } from '../workloads/guided-shards';
import { runInPool, shareCount, shareTotals } from './run-in-pool';
import { getWorkload } from '../workloads/registry';
import { createTaskServer } from './task-server';
import type { TaskListener } from './task-request';
import { collectProgress as collect } from '../testing/collect-progress';

// runInPool's own logic, over in-process "workers" (the real task server, with messages
// structured-cloned and delivered on later turns, as across a thread). The same function over
// real worker threads is tested in ../pool/worker-pool.test.ts.

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

const nodeTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A worker in this thread that runs the real task server; `tamper` may rewrite its answers. */
function inProcessSpawner(tamper: (message: Record<string, unknown>) => unknown = (m) => m) {
  const received: ToWorker[][] = [];
  const spawn: SpawnWorker = (lane, events) => {
    const inbox: ToWorker[] = [];
    received.push(inbox);
    let alive = true;
    const serve = createTaskServer({
      post: (message) => {
        const copy = structuredClone(message) as unknown as Record<string, unknown>;
        setImmediate(() => {
          if (alive) events.message(tamper(copy));
        });
      },
      now: () => performance.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      yieldToLoop: macrotask,
    });
    const worker: PoolWorker = {
      post: (message) => {
        inbox.push(message);
        const copy = structuredClone(message);
        setImmediate(() => {
          if (alive) serve(copy);
        });
      },
      terminate: () => {
        alive = false;
      },
    };
    return worker;
  };
  return { spawn, received };
}

const now = () => performance.now();
const busy = (pool: WorkerPool) => pool.state().lanes.filter((l) => l.busy).length;

describe('runInPool', () => {
  it('splits a task into one job per lane by default, and combines the parts', async () => {
    const { spawn, received } = inProcessSpawner();
    const pool = new WorkerPool(3, spawn, nodeTimers);
    const { listener, progress, lanes } = collect();
    const outcome = await runInPool(pool, { workload: 'primes', params: { limit: 300_000 } }, listener, now).outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { limit: 300_000, count: 25_997 } });
    const shards = received
      .flat()
      .filter((m) => m.type === 'start')
      .map((m) => (m.type === 'start' ? m.shard : null));
    expect(shards).toEqual([
      { index: 0, count: 3 },
      { index: 1, count: 3 },
      { index: 2, count: 3 },
    ]);
    // Progress is the sum over lanes, never more than the total, and ends at the total.
    for (const p of progress) {
      expect(p.total).toBe(300_001);
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]?.done).toBeGreaterThanOrEqual(progress[i - 1]?.done ?? Infinity);
    expect(progress.at(-1)?.done).toBe(300_001);
    const last = lanes.at(-1) ?? [];
    expect(last.map((l) => l.lane)).toEqual([0, 1, 2]);
    expect(last.reduce((sum, l) => sum + l.total, 0)).toBe(300_001);
    pool.dispose();
  });

  it('runs more shards than lanes by queueing them', async () => {
    const pool = new WorkerPool(2, inProcessSpawner().spawn, nodeTimers);
    const outcome = await runInPool(
      pool,
      { workload: 'primes', params: { limit: 100_000 } },
      collect().listener,
      now,
      5,
    ).outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { count: 9_592 } });
    expect(pool.state().lanes.map((l) => l.spawned)).toEqual([1, 1]);
    pool.dispose();
  });

  it('sends no share that has nothing to do: the primes to 100 (one block) are one job, not two', async () => {
    const { spawn, received } = inProcessSpawner();
    const pool = new WorkerPool(2, spawn, nodeTimers);
    const { listener, lanes } = collect();
    const outcome = await runInPool(pool, { workload: 'primes', params: { limit: 100 } }, listener, now).outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { limit: 100, count: 25 } });
    const starts = received.flat().filter((m) => m.type === 'start');
    expect(starts.map((m) => (m.type === 'start' ? m.shard : null))).toEqual([{ index: 0, count: 1 }]);
    expect((lanes.at(-1) ?? []).map((l) => l.total)).toEqual([101]);
    pool.dispose();
  });

  it('passes on every Mandelbrot tile, validated, with the lane that made it', async () => {
    const pool = new WorkerPool(2, inProcessSpawner().spawn, nodeTimers);
    const params = { ...MANDELBROT_VIEW, width: 96, height: 64, maxIterations: 200, tileSize: 32 };
    const { listener, progress } = collect();
    const outcome = await runInPool(pool, { workload: 'mandelbrot', params }, listener, now).outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { width: 96, height: 64, tiles: 6 } });
    const tiles = progress.flatMap((p) =>
      (p.chunks as MandelbrotTile[]).map((t) => ({ index: t.index, lane: p.lane })),
    );
    expect(tiles.map((t) => t.index).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // Shards are interleaved: even tiles from shard 0 (lane 0), odd ones from shard 1 (lane 1).
    for (const t of tiles) expect(t.lane).toBe(t.index % 2);
    pool.dispose();
  });

  it('runs a list of shares, largest first, to the same result, with one bar per worker', async () => {
    const pool = new WorkerPool(2, inProcessSpawner().spawn, nodeTimers);
    const params = { ...MANDELBROT_VIEW, width: 192, height: 128, maxIterations: 200, tileSize: 16 };
    const request = { workload: 'mandelbrot', params } as const;
    const whole = await runInPool(pool, request, collect().listener, now, 1).outcome;
    const { listener, progress, lanes } = collect();
    const guided = await runInPool(pool, request, listener, now, guidedShards(2)).outcome;
    expect(guided).toMatchObject({ status: 'done', result: { tiles: 96 } });
    expect(guided.status === 'done' && whole.status === 'done' && guided.result).toEqual(
      whole.status === 'done' && whole.result,
    );
    const tiles = progress.flatMap((p) => (p.chunks as MandelbrotTile[]).map((t) => t.index));
    expect(tiles.sort((a, b) => a - b)).toEqual(Array.from({ length: 96 }, (_, i) => i));
    // Ten shares, two workers: every report has at most one entry per worker, and the last adds up to the task.
    for (const report of lanes) expect(report.length).toBeLessThanOrEqual(2);
    const last = lanes.at(-1) ?? [];
    expect(last.map((l) => l.lane)).toEqual([0, 1]);
    expect(last.reduce((sum, l) => sum + l.total, 0)).toBe(192 * 128);
    for (const l of last) expect(l.done).toBe(l.total);
    pool.dispose();
  });

  it('throws a ParamsError synchronously and submits nothing', () => {
    const { spawn, received } = inProcessSpawner();
    const pool = new WorkerPool(2, spawn, nodeTimers);
    let calls = 0;
    const listener: TaskListener = { onProgress: () => calls++, onLanes: () => calls++ };
    expect(() => runInPool(pool, { workload: 'mandelbrot', params: { width: 0 } }, listener, now)).toThrow(ParamsError);
    expect(() => runInPool(pool, { workload: 'primes', params: { limit: 'many' } }, listener, now)).toThrow(
      /limit must be a whole number from 2 to 100,000,000/,
    );
    expect(received).toHaveLength(0);
    expect(calls).toBe(0);
    expect(pool.state().queued).toBe(0);
    pool.dispose();
  });

  it('resolves "cancelled" at once on cancel, and tells every worker to stop', async () => {
    const { spawn, received } = inProcessSpawner();
    const pool = new WorkerPool(2, spawn, nodeTimers);
    const task = runInPool(pool, { workload: 'primes', params: { limit: 100_000_000 } }, collect().listener, now);
    await macrotask();
    task.cancel();
    await expect(task.outcome).resolves.toMatchObject({ status: 'cancelled' });
    task.cancel(); // harmless
    for (let i = 0; i < 1000 && busy(pool) > 0; i++) await macrotask();
    expect(busy(pool)).toBe(0);
    for (const inbox of received) expect(inbox.map((m) => m.type)).toEqual(['start', 'cancel']);
    pool.dispose();
  });

  it('fails the whole task when one shard fails, and cancels the others', async () => {
    // The worker of lane 1 answers its task with an error.
    const { spawn, received } = inProcessSpawner((m) =>
      m.type === 'progress' && m.taskId === 'job-2' ? { type: 'error', taskId: 'job-2', message: 'shard 2 broke' } : m,
    );
    const pool = new WorkerPool(2, spawn, nodeTimers);
    const outcome = await runInPool(
      pool,
      { workload: 'primes', params: { limit: 100_000_000 } },
      collect().listener,
      now,
    ).outcome;
    expect(outcome).toMatchObject({ status: 'failed', message: 'shard 2 broke' });
    for (let i = 0; i < 1000 && busy(pool) > 0; i++) await macrotask();
    expect(received[0]?.map((m) => m.type)).toEqual(['start', 'cancel']);
    pool.dispose();
  });

  it('fails with a clear message when a worker sends a malformed chunk', async () => {
    const { spawn } = inProcessSpawner((m) =>
      m.type === 'progress' && Array.isArray(m.chunks) && m.chunks.length > 0
        ? { ...m, chunks: [{ index: -1, rgba: 'pixels' }] }
        : m,
    );
    const pool = new WorkerPool(1, spawn, nodeTimers);
    const params = { ...MANDELBROT_VIEW, width: 32, height: 32, maxIterations: 50, tileSize: 16 };
    const { listener, progress } = collect();
    const outcome = await runInPool(pool, { workload: 'mandelbrot', params }, listener, now).outcome;
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toMatch(/^A worker sent a malformed chunk: /);
    expect(progress.flatMap((p) => p.chunks)).toEqual([]);
    pool.dispose();
  });

  it('fails with a clear message when a worker sends a malformed result', async () => {
    const { spawn } = inProcessSpawner((m) => (m.type === 'result' ? { ...m, part: -3 } : m));
    const pool = new WorkerPool(1, spawn, nodeTimers);
    const outcome = await runInPool(pool, { workload: 'primes', params: { limit: 1000 } }, collect().listener, now)
      .outcome;
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.message).toMatch(/^A worker sent a malformed result: /);
    pool.dispose();
  });

  it('fails when the pool is shut down under it', async () => {
    const pool = new WorkerPool(2, inProcessSpawner().spawn, nodeTimers);
    const task = runInPool(pool, { workload: 'primes', params: { limit: 100_000_000 } }, collect().listener, now);
    pool.dispose();
    await expect(task.outcome).resolves.toMatchObject({ status: 'failed', message: 'The worker pool was shut down' });
  });
});

describe('runInPool and a workload that is not split', () => {
  it('runs a download queue as one shard on one worker, whatever the pool size', async () => {
    const { spawn, received } = inProcessSpawner();
    const pool = new WorkerPool(3, spawn, nodeTimers);
    const { listener, lanes } = collect();
    const params = {
      files: [
        { id: 1, name: 'a', size: 2048 },
        { id: 2, name: 'b', size: 4096 },
      ],
      bandwidth: 1_000_000,
      concurrency: 2,
    };
    const task = runInPool(pool, { workload: 'download', params }, listener, now);
    const outcome = await task.outcome;
    expect(outcome.status).toBe('done');
    const starts = received.flat().filter((m) => m.type === 'start');
    expect(starts).toHaveLength(1);
    expect(starts[0]).toMatchObject({ shard: { index: 0, count: 1 } });
    expect(lanes.at(-1)).toHaveLength(1);
    pool.dispose();
  });
});

describe('shareTotals', () => {
  const primes = getWorkload('primes');

  it("is each share's units of work, for as many shares as have work", () => {
    // The primes to 100 are one block: a second share would have nothing to do.
    expect(shareTotals(primes, { limit: 100 }, 2)).toEqual([101]);
    expect(shareCount(primes, { limit: 100 }, 2)).toBe(1);
    const big = { limit: 1_000_000 };
    const totals = shareTotals(primes, big, 3);
    expect(totals).toEqual([0, 1, 2].map((index) => primes.total(big, { index, count: 3 })));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(1_000_001);
  });

  it('asks the workload for each share once when every share has work', () => {
    const asked: string[] = [];
    const counting = {
      ...primes,
      total: (p: unknown, shard: { index: number; count: number }) => {
        asked.push(`${shard.index}/${shard.count}`);
        return primes.total(p as { limit: number }, shard);
      },
    };
    shareTotals(counting, { limit: 1_000_000 }, 2);
    expect(asked).toEqual(['0/2', '1/2']);
  });
});
