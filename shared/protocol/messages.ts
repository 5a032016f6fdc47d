import { z } from 'zod';
import { describeIssues } from '../workloads/params-error';
import { workloadName } from '../workloads/registry';
import { taskIdSchema } from './task-id';

/**
 * The one message protocol between a task's owner and whatever runs it: a Web Worker today,
 * worker threads and utility processes in the desktop app. Params, chunks and parts are
 * `unknown` here and checked against the named workload's own schemas on arrival.
 */

/**
 * The union's message for an object whose `type` matches no member. Anything else (null, a
 * number, an array) keeps Zod's own "expected object, received …", which names the real problem.
 */
function unknownType(message: string) {
  return (issue: { code?: string }) => (issue.code === 'invalid_union' ? message : undefined);
}

export const shardSchema = z
  .strictObject({ index: z.int().nonnegative(), count: z.int().min(1).max(256) })
  .refine((s) => s.index < s.count, { error: 'shard.index must be less than shard.count' });

/**
 * The crash lab's switches: make the worker throw, exit, hang in a loop, or (in a process)
 * crash hard — to show that a failure there fails one task and never the app.
 */
export const CRASH_MODES = ['throw', 'exit', 'hang', 'crash'] as const;
export const crashModeSchema = z.enum(CRASH_MODES, { error: `mode must be one of: ${CRASH_MODES.join(', ')}` });
export type CrashMode = z.output<typeof crashModeSchema>;

export const toWorkerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('start'),
      taskId: taskIdSchema,
      workload: workloadName,
      params: z.unknown(),
      shard: shardSchema,
    }),
    z.strictObject({ type: z.literal('cancel'), taskId: taskIdSchema }),
    z.strictObject({ type: z.literal('crash'), taskId: taskIdSchema, mode: crashModeSchema }),
  ],
  { error: unknownType('type must be "start", "cancel" or "crash"') },
);
export type ToWorker = z.output<typeof toWorkerSchema>;

export const fromWorkerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('progress'),
      taskId: taskIdSchema,
      done: z.number().nonnegative(),
      chunks: z.array(z.unknown()),
    }),
    z.strictObject({
      type: z.literal('result'),
      taskId: taskIdSchema,
      part: z.unknown(),
      elapsedMs: z.number().nonnegative(),
    }),
    z.strictObject({ type: z.literal('error'), taskId: taskIdSchema, message: z.string() }),
    z.strictObject({ type: z.literal('cancelled'), taskId: taskIdSchema }),
  ],
  { error: unknownType('type must be "progress", "result", "error" or "cancelled"') },
);
export type FromWorker = z.output<typeof fromWorkerSchema>;

export type Parsed<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };

function parseWith<T>(schema: z.ZodType<T>, data: unknown, direction: string): Parsed<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, error: `Rejected ${direction} message: ${describeIssues(parsed.error)}` };
}

export const parseToWorker = (data: unknown): Parsed<ToWorker> => parseWith(toWorkerSchema, data, 'to-worker');
export const parseFromWorker = (data: unknown): Parsed<FromWorker> => parseWith(fromWorkerSchema, data, 'from-worker');
