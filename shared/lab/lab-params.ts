import type { z } from 'zod';
import { printableLine } from '../ipc/result';
import { describeIssues, ParamsError } from '../workloads/params-error';

/**
 * A scenario's params or a ParamsError naming each field and its range. The message may quote
 * what a page sent (an unknown key of any size, with newlines): cut and escaped like every IPC error.
 */
export function parseLabParams<T>(schema: z.ZodType<T>, input: unknown, name: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ParamsError(printableLine(`Invalid ${name} scenario parameters: ${describeIssues(parsed.error)}`));
}
