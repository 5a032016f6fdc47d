import { z } from 'zod';
import { MAX_IPC_MESSAGE } from '../ipc/result';
import { scenarioName } from './scenarios';

/**
 * The desktop app's `lab:run` channel: the page asks the main process to run a lab scenario in
 * worker threads; the answer is the verdict. Params are checked against the scenario's own
 * schema by the runner, like a workload's.
 */
export const labRunRequestSchema = z.strictObject({
  scenario: scenarioName,
  params: z.record(z.string(), z.unknown(), { error: 'params must be an object' }),
});
export type LabRunRequest = z.output<typeof labRunRequestSchema>;

export const labRunAnswerSchema = z.strictObject({
  status: z.enum(['done', 'failed', 'timed-out', 'cancelled']),
  /** The verdict's sentence, or what went wrong: one printable line, as every IPC message. */
  message: z.string().max(MAX_IPC_MESSAGE),
  asExpected: z.boolean(),
  figures: z.record(z.string(), z.number()),
  elapsedMs: z.number().nonnegative(),
  /** How many worker threads ran it. */
  threads: z.int().nonnegative(),
});
export type LabRunAnswer = z.output<typeof labRunAnswerSchema>;
