import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SharedEvent } from './event';

const THREAD = new URL('./fixtures/sync-thread.mjs', import.meta.url);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Waited {
  readonly woke: boolean;
  readonly waitedMs: number;
}

/** A waiter thread on cells [event, arrived]; `started` resolves once it is about to wait. */
function waiter(cells: Int32Array, timeoutMs: number): { started: Promise<void>; result: Promise<Waited> } {
  const before = Atomics.load(cells, 1);
  const worker = new Worker(THREAD, { workerData: { drill: 'eventWait', cells, thread: 1, args: { timeoutMs } } });
  const started = (async () => {
    while (Atomics.load(cells, 1) === before) await sleep(10);
  })();
  const result = new Promise<Waited>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate());
  return { started, result };
}

describe('SharedEvent', () => {
  it('is clear at first, set and cleared on any thread, and a set event does not block', () => {
    const event = new SharedEvent(new Int32Array(new SharedArrayBuffer(8)), 0);
    expect(event.isSet()).toBe(false);
    expect(event.wait(10)).toBe(false);
    expect(event.set()).toBe(0);
    expect(event.wait(0)).toBe(true);
    event.clear();
    expect(event.isSet()).toBe(false);
  });

  it('wakes every waiting thread when set from this one', async () => {
    const cells = new Int32Array(new SharedArrayBuffer(8));
    const event = new SharedEvent(cells, 0);
    const waiters = [waiter(cells, 10_000), waiter(cells, 10_000), waiter(cells, 10_000)];
    while (Atomics.load(cells, 1) < 3) await sleep(10);
    await sleep(100); // from "arrived" to asleep in Atomics.wait is a few microseconds
    const woken = event.set();
    const results = await Promise.all(waiters.map((w) => w.result));
    expect(results.every((r) => r.woke)).toBe(true);
    expect(woken).toBeGreaterThanOrEqual(1);
    // They slept until the set, not until their timeout.
    for (const r of results) expect(r.waitedMs).toBeLessThan(8000);
  });

  it('wakes a waiting thread about when it is set (≈ 0.5 s here)', async () => {
    const cells = new Int32Array(new SharedArrayBuffer(8));
    const w = waiter(cells, 10_000);
    await w.started;
    await sleep(500);
    new SharedEvent(cells, 0).set();
    const result = await w.result;
    expect(result.woke).toBe(true);
    expect(result.waitedMs).toBeGreaterThan(250);
    expect(result.waitedMs).toBeLessThan(3000);
  });

  it('gives up at its timeout when nobody sets it', async () => {
    const result = await waiter(new Int32Array(new SharedArrayBuffer(8)), 200).result;
    expect(result.woke).toBe(false);
    expect(result.waitedMs).toBeGreaterThanOrEqual(190);
  });
});
