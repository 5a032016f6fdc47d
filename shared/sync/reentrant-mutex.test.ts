import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { DrillName } from './fixtures/sync-drills';
import { ReentrantMutex } from './reentrant-mutex';

const THREAD = new URL('./fixtures/sync-thread.mjs', import.meta.url);

function drill(name: DrillName, cells: Int32Array, count: number, args: Record<string, number>) {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const worker = new Worker(THREAD, { workerData: { drill: name, cells, thread: i + 1, args } });
      return new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }).finally(() => worker.terminate());
    }),
  );
}

const shared = (n: number) => new Int32Array(new SharedArrayBuffer(n * 4));

describe('ReentrantMutex', () => {
  it('lets its owner in again, counts the depth, and frees only at the last release', () => {
    const cells = shared(ReentrantMutex.CELLS);
    const lock = new ReentrantMutex(cells, 0);
    expect(lock.acquire(1)).toBe(true);
    expect(lock.acquire(1, 0)).toBe(true);
    expect([lock.owner(), lock.depth()]).toEqual([1, 2]);
    expect(lock.acquire(2, 20)).toBe(false); // another thread waits, then times out
    lock.release(1);
    expect(lock.owner()).toBe(1);
    lock.release(1);
    expect(lock.owner()).toBe(0);
    expect(lock.acquire(2, 0)).toBe(true);
  });

  it('refuses a release by a thread that does not hold it', () => {
    const lock = new ReentrantMutex(shared(3), 0);
    expect(() => lock.release(1)).toThrow(/held by nobody/);
    lock.acquire(1);
    expect(() => lock.release(2)).toThrow(/held by thread 1/);
    expect(() => lock.acquire(0)).toThrow(RangeError);
  });

  it('keeps mutual exclusion between worker threads that nest their acquires', async () => {
    // [lock ×3, counter, maxDepth]
    const cells = shared(5);
    await drill('reentrant', cells, 3, { rounds: 1500 });
    expect(cells[3]).toBe(3 * 1500);
    expect(cells[4]).toBe(3);
    expect([cells[0], cells[1], cells[2]]).toEqual([0, 0, 0]);
  });
});
