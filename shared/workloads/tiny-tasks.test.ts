import { describe, expect, it } from 'vitest';
import { parseParams, ParamsError } from './params-error';
import { tinyTask, tinyTasks, tinyTasksParams } from './tiny-tasks';
import { WHOLE } from './workload';

function drain(params: { tasks: number; iterations: number; first?: number }, shard = WHOLE) {
  const p = tinyTasksParams.parse(params);
  const work = tinyTasks.run(p, shard);
  for (let s = work.next(); ; s = work.next()) if (s.done) return s.value;
}

describe('tiny-tasks workload', () => {
  it('gives the same checksum whole, in shards, and one task at a time', () => {
    const whole = tinyTasks.combine(tinyTasksParams.parse({ tasks: 1000, iterations: 50 }), [
      drain({ tasks: 1000, iterations: 50 }),
    ]);
    const sharded = [0, 1, 2].map((index) => drain({ tasks: 1000, iterations: 50 }, { index, count: 3 }));
    const single = Array.from({ length: 1000 }, (_, i) => drain({ tasks: 1, iterations: 50, first: i }));
    const p = tinyTasksParams.parse({ tasks: 1000, iterations: 50 });
    expect(tinyTasks.combine(p, sharded)).toEqual(whole);
    expect(tinyTasks.combine(p, single)).toEqual(whole);
    expect(whole.tasks).toBe(1000);
  });

  it('counts every task in the shards’ totals', () => {
    const p = tinyTasksParams.parse({ tasks: 10, iterations: 1 });
    expect([0, 1, 2].map((index) => tinyTasks.total(p, { index, count: 3 }))).toEqual([4, 3, 3]);
    expect(tinyTasks.total(p, { index: 11, count: 12 })).toBe(0);
  });

  it('reports progress in steps and ends at the shard’s total', () => {
    const p = tinyTasksParams.parse({ tasks: 600, iterations: 1 });
    const steps: number[] = [];
    const work = tinyTasks.run(p, WHOLE);
    for (let s = work.next(); !s.done; s = work.next()) if (s.value.kind === 'progress') steps.push(s.value.done);
    expect(steps).toEqual([256, 512, 600]);
  });

  it('has tasks that depend on their number', () => {
    expect(tinyTask(1, 100)).not.toBe(tinyTask(2, 100));
  });

  it('refuses parameters out of range with the range in the message', () => {
    expect(() => parseParams(tinyTasks.params, { tasks: 0, iterations: 1 }, 'tiny tasks')).toThrow(ParamsError);
    expect(() => parseParams(tinyTasks.params, { tasks: 0, iterations: 1 }, 'tiny tasks')).toThrow(
      /tasks must be a whole number from 1/,
    );
  });
});
