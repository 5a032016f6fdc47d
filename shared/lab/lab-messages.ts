import { z } from 'zod';
import { describeIssues } from '../workloads/params-error';
import { MAX_LANES } from './lab-memory';
import { scenarioName } from './scenarios';

/**
 * Between the lab page (or a test) and its workers. The shared memory travels in the message:
 * posting a SharedArrayBuffer shares it, it is not copied. Params and results are `unknown`
 * here and checked against the named scenario's own schemas on arrival.
 */
const runId = z.int().nonnegative();
const lane = z
  .int()
  .min(0)
  .max(MAX_LANES - 1);

const sharedBuffer = z.custom<SharedArrayBuffer>((value) => value instanceof SharedArrayBuffer, {
  error: 'buffer must be a SharedArrayBuffer',
});

export const toLabWorkerSchema = z.strictObject({
  type: z.literal('run'),
  runId,
  scenario: scenarioName,
  lane,
  lanes: z.int().min(1).max(MAX_LANES),
  buffer: sharedBuffer,
  params: z.unknown(),
});
export type ToLabWorker = z.output<typeof toLabWorkerSchema>;

export const fromLabWorkerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('done'), runId, lane, result: z.unknown() }),
    z.strictObject({ type: z.literal('error'), runId, lane, message: z.string() }),
  ],
  { error: 'type must be "done" or "error"' },
);
export type FromLabWorker = z.output<typeof fromLabWorkerSchema>;

export type LabParsed<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };

function parseWith<T>(schema: z.ZodType<T>, data: unknown, direction: string): LabParsed<T> {
  const parsed = schema.safeParse(data);
  return parsed.success
    ? { ok: true, message: parsed.data }
    : { ok: false, error: `Rejected ${direction} lab message: ${describeIssues(parsed.error)}` };
}

export const parseToLabWorker = (data: unknown) => parseWith(toLabWorkerSchema, data, 'to-worker');
export const parseFromLabWorker = (data: unknown) => parseWith(fromLabWorkerSchema, data, 'from-worker');
