import { describe, expect, it } from 'vitest';
import { guidedShards } from './guided-shards';
import { getPlaygroundWorkload, PLAYGROUND_WORKLOADS } from './registry';
import type { Shard } from './workload';

/** A workload's result from these shares, run here one after another (as runInPool skips a share with no work). */
function resultOf(name: (typeof PLAYGROUND_WORKLOADS)[number], shards: readonly Shard[]): unknown {
  const workload = getPlaygroundWorkload(name);
  const params = workload.params.parse(workload.presets.probe);
  const parts = shards
    .filter((shard) => workload.total(params, shard) > 0)
    .map((shard) => {
      const run = workload.run(params, shard);
      for (let step = run.next(); ; step = run.next()) if (step.done) return step.value;
    });
  return workload.combine(params, parts);
}

/** Which shares a unit belongs to, as every workload reads a share: every count-th unit from index. */
const owners = (shards: readonly { index: number; count: number }[], unit: number) =>
  shards.filter((s) => unit % s.count === s.index);

describe('guidedShards', () => {
  it('partitions the work: every unit is in exactly one share, for 1 to 8 workers and 1 to 6 batches', () => {
    for (let workers = 1; workers <= 8; workers++) {
      for (let batches = 1; batches <= 6; batches++) {
        const shards = guidedShards(workers, batches);
        for (let unit = 0; unit < 512; unit++) expect(owners(shards, unit)).toHaveLength(1);
      }
    }
  });

  it.each(PLAYGROUND_WORKLOADS)('gives %s the same result as one share: its shares are interleaved', (name) => {
    const whole = resultOf(name, [{ index: 0, count: 1 }]);
    expect(resultOf(name, guidedShards(2))).toEqual(whole);
    expect(resultOf(name, guidedShards(3))).toEqual(whole);
  });

  it('hands out the largest shares first: half the work, a quarter, … and the last batch like the one before', () => {
    const shards = guidedShards(2, 5);
    expect(shards.map((s) => s.count)).toEqual([4, 4, 8, 8, 16, 16, 32, 32, 32, 32]);
    const sizes = shards.map((s) => 1 / s.count);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1] ?? 0);
  });

  it('is the plain split for one worker or one batch', () => {
    expect(guidedShards(1)).toEqual([{ index: 0, count: 1 }]);
    expect(guidedShards(3, 1)).toEqual([
      { index: 0, count: 3 },
      { index: 1, count: 3 },
      { index: 2, count: 3 },
    ]);
  });
});
