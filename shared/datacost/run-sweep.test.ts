import { describe, expect, it } from 'vitest';
import { KIB, MIB } from './data-cost-methods';
import type { DataCostSample } from './data-cost-summary';
import { runSweep, sweepPlan, type SweepStep } from './run-sweep';

describe('sweepPlan', () => {
  it('goes size by size and leaves out sizes a method does not take', () => {
    const plan = sweepPlan(['clone-objects', 'transfer'], [64 * MIB, KIB]);
    expect(plan).toEqual([
      { method: 'clone-objects', bytes: KIB },
      { method: 'transfer', bytes: KIB },
      { method: 'transfer', bytes: 64 * MIB },
    ]);
  });
});

describe('runSweep', () => {
  const plan: SweepStep[] = [
    { method: 'transfer', bytes: KIB },
    { method: 'transfer', bytes: 4 * KIB },
  ];
  const fake = (blockedMs: number, step: SweepStep): DataCostSample => ({
    ...step,
    blockedMs,
    receivedMs: 0,
    roundTripMs: 0,
    worstGapMs: 0,
  });

  it('measures each step `repeats` times, one at a time, and keeps the median', async () => {
    let inFlight = 0;
    let calls = 0;
    const seen: number[] = [];
    const result = await runSweep(plan, {
      repeats: 3,
      cancelled: () => false,
      measure: async (step) => {
        inFlight++;
        expect(inFlight).toBe(1);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        return fake([9, 1, 4][calls++ % 3] ?? 0, step);
      },
      onSample: (_s, done, total) => seen.push(done / total),
    });
    expect(result.complete).toBe(true);
    expect(result.samples.map((s) => s.blockedMs)).toEqual([4, 4]);
    expect(seen).toEqual([0.5, 1]);
  });

  it('stops before the next move once cancelled', async () => {
    let moves = 0;
    const result = await runSweep(plan, {
      repeats: 2,
      cancelled: () => moves >= 3,
      measure: (step) => Promise.resolve(fake(++moves, step)),
    });
    expect(result.complete).toBe(false);
    expect(moves).toBe(3);
    expect(result.samples).toHaveLength(1);
  });
});
