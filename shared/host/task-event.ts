import { z } from 'zod';

/**
 * What the main process tells the renderer about a task it runs (desktop places). Every event
 * names the task; `end` comes exactly once and is the last. Validated in the renderer too:
 * it crossed a process boundary.
 */
const taskId = z.string().min(1).max(100);
const lane = z.object({ lane: z.int(), done: z.number().nonnegative(), total: z.number().nonnegative() });

export const taskEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    taskId,
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
    lane: z.int(),
    chunks: z.array(z.unknown()),
  }),
  z.object({ type: z.literal('lanes'), taskId, lanes: z.array(lane) }),
  z.object({
    type: z.literal('end'),
    taskId,
    outcome: z.discriminatedUnion('status', [
      z.object({ status: z.literal('done'), result: z.unknown(), elapsedMs: z.number() }),
      z.object({ status: z.literal('cancelled'), elapsedMs: z.number() }),
      z.object({ status: z.literal('failed'), message: z.string(), elapsedMs: z.number() }),
    ]),
  }),
]);
export type TaskEvent = z.output<typeof taskEventSchema>;
