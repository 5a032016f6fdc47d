import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { DrillName } from './fixtures/sync-drills';
import { Mutex } from './mutex';

const THREAD = new URL('./fixtures/sync-thread.mjs', import.meta.url);

/** Runs a drill in `count` real worker threads over the same cells; resolves with their answers. */
function drill(name: DrillName, cells: Int32Array, count: number, args: Record<string, number>) {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const worker = new Worker(THREAD, { workerData: { drill: name, cells, thread: i + 1, args } });
      return new Promise<Record<string, unknown>>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }).finally(() => worker.terminate());
    }),
  );
}

const shared = (n: number) => new Int32Array(new SharedArrayBuffer(n * 4));

describe('Mutex on one thread', () => {
  it('is taken once, refused while held, and free again after release', () => {
    const lock = new Mutex(shared(1), 0);
    expect(lock.tryAcquire()).toBe(true);
    expect(lock.isLocked()).toBe(true);
    expect(lock.tryAcquire()).toBe(false);
    lock.release();
    expect(lock.isLocked()).toBe(false);
    expect(lock.acquire(0)).toBe(true);
  });

  it('says so when released unlocked, and refuses memory that is not shared', () => {
    expect(() => new Mutex(shared(1), 0).release()).toThrow(/not locked/);
    expect(() => new Mutex(new Int32Array(1), 0)).toThrow(/SharedArrayBuffer/);
    expect(() => new Mutex(shared(1), 1)).toThrow(RangeError);
  });

  it('gives up after its timeout when the lock stays taken', () => {
    const lock = new Mutex(shared(1), 0);
    lock.acquire();
    const started = performance.now();
    expect(lock.acquire(60)).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(() => lock.acquire(-1)).toThrow(RangeError);
  });
});

describe('Mutex across worker threads', () => {
  it('lets one thread at a time into the critical section, and no increment is lost', async () => {
    // [mutex, counter, inside, maxInside]
    const cells = shared(4);
    const threads = 4;
    const rounds = 2000;
    await drill('mutexContention', cells, threads, { rounds });
    expect(cells[1]).toBe(threads * rounds);
    expect(cells[3]).toBe(1); // never two inside at once
    expect(cells[0]).toBe(0); // and left free
  });

  it('times out a waiter while another thread holds the lock, and hands it over when released', async () => {
    const cells = shared(2);
    const [, short] = await drill('mutexTimeout', cells, 2, { holdMs: 600, timeoutMs: 150 });
    expect(short).toMatchObject({ got: false });
    expect(short?.waitedMs).toBeGreaterThanOrEqual(140);
    expect(short?.waitedMs).toBeLessThan(550);

    const again = shared(2);
    const [holder, patient] = await drill('mutexTimeout', again, 2, { holdMs: 150, timeoutMs: 5000 });
    expect(patient).toMatchObject({ got: true });
    // It got the lock only once the holder let go (one clock for both threads; 1 ms of slack).
    expect(Number(patient?.acquiredAt)).toBeGreaterThanOrEqual(Number(holder?.releasedAt) - 1);
    expect(patient?.waitedMs).toBeLessThan(4000);
  });
});
