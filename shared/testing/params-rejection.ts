import type { z } from 'zod';
import { ParamsError, parseParams } from '../workloads/params-error';

/** The ParamsError parseParams throws for `input`; fails the test if it passes or throws anything else. */
export function paramsRejection<T>(schema: z.ZodType<T>, input: unknown, what: string): ParamsError {
  try {
    parseParams(schema, input, what);
  } catch (error) {
    if (error instanceof ParamsError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}
