import { z } from 'zod';

/** Long enough for a UUID with a prefix, short enough that no id can flood a log line. */
export const MAX_TASK_ID_LENGTH = 100;

/**
 * The one task id schema: the renderer picks ids for main-side tasks (so no event can come before
 * the caller knows its id), a pool picks them for its jobs. Every schema that names a task uses this
 * one, so the limits and the messages are the same at every boundary.
 */
export const taskIdSchema = z
  .string({ error: 'taskId must be a string' })
  .min(1, { error: 'taskId must not be empty' })
  .max(MAX_TASK_ID_LENGTH, { error: `taskId must be at most ${MAX_TASK_ID_LENGTH} characters` });
export type TaskId = z.output<typeof taskIdSchema>;
