import { z } from 'zod';

/**
 * How every run ends, in every place: exactly one of three. The schemas are the one definition;
 * the types below are read off them, so the event the page receives ('end' in
 * shared/host/task-event.ts) and the outcome every runner returns are the same type, with no
 * field-by-field copying in between.
 *
 * Two sizes of run share the three endings:
 * - a task (what the UI asked for) ends with its time, and on success the combined result;
 * - a pool job (one shard of a task, shared/pool/worker-pool.ts) ends with its shard's part and no
 *   time: its task times the whole and combines the parts.
 */
const cancelled = z.object({ status: z.literal('cancelled') });
const failed = z.object({ status: z.literal('failed'), message: z.string() });
const elapsedMs = z.number();

/** A task's outcome, with the schema of its result: its workload's, where a caller knows it. */
export function taskOutcomeOf<Result extends z.ZodType>(result: Result) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('done'), result, elapsedMs }),
    cancelled.extend({ elapsedMs }),
    failed.extend({ elapsedMs }),
  ]);
}

/** Any task's outcome, as it travels (the result is checked by whoever knows its workload). */
export const taskOutcomeSchema = taskOutcomeOf(z.unknown());

/** One pool job's outcome. Never parsed: the pool builds it from a reply it has already checked. */
export const jobOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), part: z.unknown() }),
  cancelled,
  failed,
]);

/** A task's outcome; `Result` is its workload's result type where the caller knows it. */
export type TaskOutcome<Result = unknown> = z.output<ReturnType<typeof taskOutcomeOf<z.ZodType<Result>>>>;

export type TaskStatus = TaskOutcome['status'];

/** How one pool job ends (the pool never knows the workload's types: `part` is unknown). */
export type JobOutcome = z.output<typeof jobOutcomeSchema>;
