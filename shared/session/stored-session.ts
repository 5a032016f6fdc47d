import { z } from 'zod';
import { messageOf } from '../errors/message-of';
import { recordedRunSchema, type RecordedRun } from './recorded-run';

/** Enough for a long workshop day; the oldest runs go first beyond it. */
export const MAX_STORED_RUNS = 500;

const storedSessionSchema = z.strictObject({
  app: z.literal('Unfreeze'),
  version: z.literal(1),
  runs: z.array(recordedRunSchema).max(MAX_STORED_RUNS),
});

/** The session as it is written to storage: versioned, so a later format can refuse this one cleanly. */
export function storedSessionText(runs: readonly RecordedRun[]): string {
  return JSON.stringify({ app: 'Unfreeze', version: 1, runs: runs.slice(-MAX_STORED_RUNS) });
}

export type StoredSessionRead =
  { readonly ok: true; readonly runs: readonly RecordedRun[] } | { readonly ok: false; readonly problem: string };

/**
 * Reads a stored session back. Storage is outside input (an extension, the devtools or an older
 * version of the app may have written it), so it is checked whole: anything off drops it all,
 * with the first problem named (`runs.0.figures.wall_ms: a figure must be a finite number`).
 * Nothing stored yet (null) is an empty session.
 */
export function readStoredSession(text: string | null): StoredSessionRead {
  if (text === null) return { ok: true, runs: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `it is not JSON (${messageOf(error)})` };
  }
  const parsed = storedSessionSchema.safeParse(value);
  if (parsed.success) return { ok: true, runs: parsed.data.runs };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, problem: `${where}${issue?.message ?? 'it does not have the session’s shape'}` };
}
