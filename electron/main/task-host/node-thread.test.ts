import { describe, expect, it } from 'vitest';
import { createNodeTimers, nodeThreadHooks, nodeTimers } from './node-thread';

describe('nodeThreadHooks', () => {
  it('blockFor really blocks: no timer runs meanwhile', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const start = nodeThreadHooks.now();
    nodeThreadHooks.blockFor(60);
    expect(nodeThreadHooks.now() - start).toBeGreaterThanOrEqual(59);
    expect(fired).toBe(false);
    await nodeThreadHooks.sleep(5);
    expect(fired).toBe(true);
  });

  it('blockFor(0) and negative waits return at once', () => {
    const start = nodeThreadHooks.now();
    nodeThreadHooks.blockFor(0);
    nodeThreadHooks.blockFor(-5);
    expect(nodeThreadHooks.now() - start).toBeLessThan(20);
  });

  it('yieldToLoop lets pending I/O callbacks and immediates run', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await nodeThreadHooks.yieldToLoop();
    expect(ran).toBe(true);
  });

  it('sleep waits at least as long as asked', async () => {
    const start = nodeThreadHooks.now();
    await nodeThreadHooks.sleep(30);
    expect(nodeThreadHooks.now() - start).toBeGreaterThanOrEqual(29);
  });
});

describe('nodeTimers', () => {
  it('fires a timer, and never one that was cleared', async () => {
    const fired: string[] = [];
    nodeTimers.set(() => fired.push('kept'), 5);
    const handle = nodeTimers.set(() => fired.push('cleared'), 5);
    nodeTimers.clear(handle);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fired).toEqual(['kept']);
  });
});

describe('createNodeTimers: long timers on one shared ticker', () => {
  // Coarse from 50 ms, checked every 10 ms: the same code path as a pool's 15-minute deadline.
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('fires a long timer once it is due, never before, and at most one tick late', async () => {
    const timers = createNodeTimers(50, 10);
    const started = performance.now();
    let firedAt = 0;
    timers.set(() => (firedAt = performance.now() - started), 80);
    await wait(60);
    expect(firedAt).toBe(0);
    await wait(200);
    expect(firedAt).toBeGreaterThanOrEqual(79);
    expect(firedAt).toBeLessThan(250);
  });

  it('never fires a long timer that was cleared, and keeps the others', async () => {
    const timers = createNodeTimers(50, 10);
    const fired: string[] = [];
    const cleared = timers.set(() => fired.push('cleared'), 60);
    timers.set(() => fired.push('kept'), 60);
    timers.set(() => fired.push('short'), 5);
    timers.clear(cleared);
    await wait(200);
    expect(fired).toEqual(['short', 'kept']);
  });

  it('starts its ticker again for a long timer set after the last one fired', async () => {
    const timers = createNodeTimers(50, 10);
    const fired: number[] = [];
    timers.set(() => fired.push(1), 50);
    await wait(150);
    timers.set(() => fired.push(2), 50);
    await wait(150);
    expect(fired).toEqual([1, 2]);
  });
});
