import { z } from 'zod';
import { intInRange } from './ranges';
import type { Shard, WorkStep, Workload } from './workload';

/**
 * Many tiny, independent tasks: each one a few microseconds of arithmetic. The lesson is the
 * tutorial's "when not to use threads": sent to workers one message per task, the messages cost
 * more than the work, and the background version is slower than doing it inline.
 */
export const tinyTasksParams = z.strictObject({
  tasks: intInRange('tasks', 1, 1_000_000),
  /** Loop turns per task: 100 is a few microseconds. */
  iterations: intInRange('iterations', 1, 1_000_000),
  /** Number of the first task, so one task can be sent on its own and still be the same task. */
  first: intInRange('first', 0, 1_000_000).default(0),
});
export type TinyTasksParams = z.output<typeof tinyTasksParams>;

const partSchema = z.strictObject({ tasks: z.int().nonnegative(), sum: z.int().nonnegative() });
export type TinyTasksPart = z.output<typeof partSchema>;

export interface TinyTasksResult {
  readonly tasks: number;
  /** Order-independent sum of every task's answer: equal however the tasks were shared out. */
  readonly checksum: string;
}

/** Tasks between progress reports: a report per task would be the overhead we want to show elsewhere. */
export const TINY_TASKS_PER_STEP = 256;

/** One tiny task: an integer hash loop seeded by the task's number. */
export function tinyTask(id: number, iterations: number): number {
  let h = (id + 1) | 0;
  for (let i = 0; i < iterations; i++) h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + i;
  return h >>> 0;
}

function tasksOfShard(p: TinyTasksParams, shard: Shard): number {
  return p.tasks > shard.index ? Math.ceil((p.tasks - shard.index) / shard.count) : 0;
}

function* runTinyTasks(p: TinyTasksParams, shard: Shard): Generator<WorkStep<never>, TinyTasksPart> {
  let sum = 0;
  let done = 0;
  // Interleaved like the other workloads, though every task costs the same here.
  for (let t = shard.index; t < p.tasks; t += shard.count) {
    sum = (sum + tinyTask(p.first + t, p.iterations)) >>> 0;
    done++;
    if (done % TINY_TASKS_PER_STEP === 0) yield { kind: 'progress', done };
  }
  if (done % TINY_TASKS_PER_STEP !== 0) yield { kind: 'progress', done };
  return { tasks: done, sum };
}

export const tinyTasks: Workload<TinyTasksParams, never, TinyTasksPart, TinyTasksResult> = {
  name: 'tiny-tasks',
  title: 'Tiny tasks',
  params: tinyTasksParams,
  chunk: z.never(),
  part: partSchema,
  total: tasksOfShard,
  run: runTinyTasks,
  combine: (_p, parts) => ({
    tasks: parts.reduce((n, part) => n + part.tasks, 0),
    checksum: (parts.reduce((s, part) => (s + part.sum) >>> 0, 0) >>> 0).toString(16).padStart(8, '0'),
  }),
  transferables: () => [],
  describe: (r) => `${r.tasks.toLocaleString('en-US')} tiny tasks, checksum ${r.checksum}`,
};
