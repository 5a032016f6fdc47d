import type { z } from 'zod';

/** Thrown when parameters fall outside their allowed ranges; the message names the ranges. */
export class ParamsError extends Error {
  override readonly name = 'ParamsError';
}

/** Parses `input` or throws a ParamsError whose message lists every problem in plain words. */
export function parseParams<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ParamsError(`Invalid ${what} parameters: ${describeIssues(parsed.error)}`);
}

/** Zod's issues as one readable sentence: "width: must be …; height: …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
