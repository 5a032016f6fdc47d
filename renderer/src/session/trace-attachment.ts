import type { Attachment } from '../../../shared/session/recorded-run';
import type { TraceSnapshot } from '../../../shared/trace/trace-records';
import type { TracedRun } from '../timeline/run-tracer';
import { runTrace } from '../timeline/trace-file';

/**
 * The most characters of trace JSON one run carries into the session. A 1 s run with its ±2 s
 * margins is well under it; a long one with many chunks can be far over. sessionStorage holds
 * about 5 MB for the whole session, so a cap per run keeps a workshop's worth of runs storable.
 */
export const MAX_TRACE_ATTACHMENT_CHARS = 300_000;
export const TRACE_ATTACHMENT_KIND = 'chrome-trace';

/**
 * A run's Chrome trace (the file "Export trace" writes, shared/trace/chrome-trace.ts) as a session
 * attachment: the JSON export then holds every recorded run's trace beside its figures. A trace
 * over the cap is left out, and its attachment says so and how big it was (never cut silently:
 * half a trace would read as a run that did less).
 */
export function traceAttachment(
  run: TracedRun,
  snapshot: TraceSnapshot,
  maxChars = MAX_TRACE_ATTACHMENT_CHARS,
): Attachment {
  const trace = runTrace(snapshot, run);
  const text = JSON.stringify(trace);
  const what = `Chrome trace of the ${run.place} run (${run.workload})`;
  if (text.length > maxChars) {
    return {
      kind: TRACE_ATTACHMENT_KIND,
      label: `${what} left out: ${text.length} characters, over the ${maxChars} a session keeps; use Export trace`,
      data: { left_out_chars: text.length },
    };
  }
  return {
    kind: TRACE_ATTACHMENT_KIND,
    label: `${what}: open it in ui.perfetto.dev or DevTools’ Performance panel`,
    // Plain data already (numbers, strings, arrays, objects): no parse of the text it was measured by.
    data: trace as unknown as Attachment['data'],
  };
}
