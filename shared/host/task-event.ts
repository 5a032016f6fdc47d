import { z } from 'zod';
import { taskIdSchema } from '../protocol/task-id';
import { taskOutcomeSchema } from '../run/task-outcome';
import { wireTraceSchema } from '../trace/wire-trace';

/**
 * What the main process tells the renderer about a task it runs (desktop places). Every event
 * names the task; `end` comes exactly once and is the last, carrying the task's outcome as every
 * runner returns it. Checked where it arrives, in the page (renderer/src/run/host-task.ts): it
 * crossed a process boundary, and the page trusts nothing it did not check.
 */
const lane = z.object({ lane: z.int(), done: z.number().nonnegative(), total: z.number().nonnegative() });

export const taskEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    taskId: taskIdSchema,
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
    lane: z.int(),
    chunks: z.array(z.unknown()),
  }),
  z.object({ type: z.literal('lanes'), taskId: taskIdSchema, lanes: z.array(lane) }),
  /**
   * A worker thread's or utility process's own spans, as it put them on its message (wire-trace.ts),
   * passed on unchanged for the page's timeline; `lane` says which worker of the pool.
   */
  z.object({ type: z.literal('trace'), taskId: taskIdSchema, lane: z.int().nonnegative(), trace: wireTraceSchema }),
  z.object({ type: z.literal('end'), taskId: taskIdSchema, outcome: taskOutcomeSchema }),
]);
export type TaskEvent = z.output<typeof taskEventSchema>;
