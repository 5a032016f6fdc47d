import type { UnfreezeApi } from '../../../shared/ipc/unfreeze-api';
import { messageOf } from '../../../shared/errors/message-of';
import type { TraceRecorder } from '../../../shared/trace/trace-recorder';
import { MAX_WINDOW_MS, mergeTraceWindow, traceWindowSchema } from '../../../shared/trace/trace-window';

export type MainTraceApi = Pick<UnfreezeApi, 'fetchMainTrace'>;

export interface MainSideImport {
  /**
   * Fetches the main process's records that ended since the last fetch (or since `fromMs`, the
   * first time) up to `toMs`, and adds them to the page's recorder on lanes of their own.
   * Resolves with how many records came, and what went wrong if something did (the run's own
   * lanes stay either way). Never rejects.
   */
  pull(fromMs: number, toMs: number): Promise<{ added: number; problem?: string }>;
}

/**
 * The desktop app's main-process lane on the page's timeline (ARCHITECTURE.md, "The timeline"):
 * after each run the page asks `trace:window` for what the main process recorded (IPC spans,
 * event-loop stalls and delay), on the same epoch clock. A watermark keeps windows from
 * overlapping, so nothing is merged twice. The answer crossed a process boundary: checked here.
 */
export function mainSideImport(api: MainTraceApi, recorder: TraceRecorder): MainSideImport {
  let fetchedTo = -Infinity;
  return {
    async pull(fromMs, toMs) {
      const from = Math.max(fromMs, fetchedTo, toMs - MAX_WINDOW_MS);
      if (toMs <= from) return { added: 0 };
      try {
        const checked = traceWindowSchema.safeParse(await api.fetchMainTrace(from, toMs));
        if (!checked.success) {
          return { added: 0, problem: `the main process sent a malformed trace window: ${checked.error.message}` };
        }
        fetchedTo = toMs;
        const added = mergeTraceWindow(recorder, checked.data);
        if (!checked.data.truncated) return { added };
        return { added, problem: `the main process had more records than one answer holds (${added} kept)` };
      } catch (error) {
        return { added: 0, problem: messageOf(error) };
      }
    },
  };
}
