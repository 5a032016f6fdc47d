import { describe, expect, it } from 'vitest';
import { planStart, startSkewMs, waitPlan, waitUntil } from './sync-start';

describe('synchronised start', () => {
  it('plans a start ahead and tells each pane how long to sleep', () => {
    expect(planStart(1000, 400)).toBe(1400);
    expect(waitPlan(1400, 1000, 4)).toEqual({ sleepMs: 396, late: false });
    expect(waitPlan(1400, 1399, 4)).toEqual({ sleepMs: 0, late: false });
    expect(waitPlan(1400, 1450, 4)).toEqual({ sleepMs: 0, late: true });
  });

  it('measures the skew between the panes', () => {
    expect(startSkewMs([1400.5, 1401.25])).toBe(0.75);
    expect(startSkewMs([])).toBe(0);
  });

  it('starts two waiters within a few milliseconds of each other on real timers', async () => {
    const clock = () => performance.timeOrigin + performance.now();
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const startAt = planStart(clock(), 150);
    const began: number[] = [];
    await Promise.all(
      [0, 1].map(async () => {
        await waitUntil(startAt, clock, sleep);
        began.push(clock());
      }),
    );
    for (const t of began) expect(t).toBeGreaterThanOrEqual(startAt);
    // Generous: the machine is shared, but a spin-finished wait is not tens of ms off.
    expect(startSkewMs(began)).toBeLessThan(50);
  });

  it('reports how late a pane that was busy at the start instant began', async () => {
    let now = 0;
    const late = await waitUntil(
      100,
      () => now,
      async (ms) => {
        now += ms + 30; // the timer fired 30 ms late: the thread was busy
      },
    );
    expect(late).toBe(26);
  });
});
