import { z } from 'zod';
import { describeIssues } from '../workloads/params-error';
import type { WorkloadName } from '../workloads/registry';
import type { Shard } from '../workloads/workload';
import { taskIdSchema, type TaskId } from './task-id';
import { wireTraceSchema } from '../trace/wire-trace';

/**
 * The one message protocol between a pool and its workers: Web Workers in the page, worker
 * threads and utility processes in the desktop app.
 */

/**
 * The union's message for an object whose `type` matches no member. Anything else (null, a
 * number, an array) keeps Zod's own "expected object, received …", which names the real problem.
 */
function unknownType(message: string) {
  return (issue: { code?: string }) => (issue.code === 'invalid_union' ? message : undefined);
}

/**
 * The crash lab's switches: make the worker throw, exit, hang in a loop, or (in a process)
 * crash hard — to show that a failure there fails one task and never the app.
 */
export const CRASH_MODES = ['throw', 'exit', 'hang', 'crash'] as const;
export const crashModeSchema = z.enum(CRASH_MODES, { error: `mode must be one of: ${CRASH_MODES.join(', ')}` });
export type CrashMode = z.output<typeof crashModeSchema>;

/**
 * What a pool sends its worker. A plain type, not a schema: the worker trusts its pool (see
 * shared/run/task-server.ts), which builds these messages itself. `params` are the workload's,
 * already checked by the task's runner (shared/run/run-in-pool.ts).
 */
export type ToWorker =
  | {
      readonly type: 'start';
      readonly taskId: TaskId;
      readonly workload: WorkloadName;
      readonly params: unknown;
      readonly shard: Shard;
    }
  | { readonly type: 'cancel'; readonly taskId: TaskId }
  | { readonly type: 'crash'; readonly taskId: TaskId; readonly mode: CrashMode };

/**
 * What a worker answers. Checked by the pool where it arrives (parseFromWorker): a worker may
 * have crashed halfway or run broken code. Chunks and parts are `unknown` here; the task's runner
 * checks them against its workload's schemas.
 */
export const fromWorkerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('progress'),
      taskId: taskIdSchema,
      done: z.number().nonnegative(),
      chunks: z.array(z.unknown()),
      // Optional: the worker's spans since its last message, for the timeline (shared/trace/).
      trace: wireTraceSchema.optional(),
    }),
    z.strictObject({
      type: z.literal('result'),
      taskId: taskIdSchema,
      part: z.unknown(),
      elapsedMs: z.number().nonnegative(),
      // Optional: the job's own span and its last chunks' (shared/trace/wire-trace.ts).
      trace: wireTraceSchema.optional(),
    }),
    z.strictObject({ type: z.literal('error'), taskId: taskIdSchema, message: z.string() }),
    z.strictObject({ type: z.literal('cancelled'), taskId: taskIdSchema }),
  ],
  { error: unknownType('type must be "progress", "result", "error" or "cancelled"') },
);
export type FromWorker = z.output<typeof fromWorkerSchema>;

export type Parsed<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };

export function parseFromWorker(data: unknown): Parsed<FromWorker> {
  const parsed = fromWorkerSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, error: `Rejected from-worker message: ${describeIssues(parsed.error)}` };
}
