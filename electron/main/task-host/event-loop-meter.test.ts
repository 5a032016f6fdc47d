import { afterEach, describe, expect, it } from 'vitest';
import { createEventLoopMeter, type EventLoopMeter } from './event-loop-meter';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const cell = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread's event loop, as a main-process task does. */
const block = (ms: number) => Atomics.wait(cell, 0, 0, ms);

const meters: EventLoopMeter[] = [];
function meter(): EventLoopMeter {
  const m = createEventLoopMeter({ resolutionMs: 10 });
  meters.push(m);
  return m;
}
afterEach(() => {
  for (const m of meters.splice(0)) m.stop();
});

describe('createEventLoopMeter', () => {
  it('reads zero before any timer has run', () => {
    expect(meter().sample()).toEqual({ p50: 0, p99: 0, max: 0 });
  });

  it('reads a few milliseconds at most on an idle loop: delay, not the 10 ms interval', async () => {
    const m = meter();
    await sleep(200);
    const d = m.sample();
    expect(d.p50).toBeGreaterThanOrEqual(0);
    expect(d.p50).toBeLessThan(8);
    expect(d.max).toBeGreaterThanOrEqual(d.p99);
    expect(d.p99).toBeGreaterThanOrEqual(d.p50);
  });

  it('sees a freeze that starts right after a sample (monitorEventLoopDelay does not)', async () => {
    const m = meter();
    await sleep(50);
    m.sample();
    block(300);
    await sleep(15);
    const d = m.sample();
    expect(d.max).toBeGreaterThanOrEqual(280);
    expect(d.p99).toBeGreaterThanOrEqual(280);
  });

  it('counts a freeze that just ended in the very next sample, and only once', async () => {
    const m = meter();
    await sleep(50);
    m.sample();
    block(300);
    // No timer has run since the freeze: the sample itself closes the open interval.
    expect(m.sample().max).toBeGreaterThanOrEqual(280);
    await sleep(100);
    expect(m.sample().max).toBeLessThan(100);
  });

  it('starts each sample afresh', async () => {
    const m = meter();
    await sleep(20);
    block(150);
    await sleep(20);
    expect(m.sample().max).toBeGreaterThanOrEqual(130);
    await sleep(100);
    expect(m.sample().max).toBeLessThan(100);
  });
});
