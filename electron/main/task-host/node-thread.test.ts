import { describe, expect, it } from 'vitest';
import { nodeThreadHooks, nodeTimers } from './node-thread';

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
