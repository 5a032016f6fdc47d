import { toChromeTrace, type ChromeTrace } from '../../../shared/trace/chrome-trace';
import type { TraceRecorder } from '../../../shared/trace/trace-recorder';
import { recordEndMs, recordStartMs, type TraceRecord, type TraceSnapshot } from '../../../shared/trace/trace-records';
import type { TracedRun } from './run-tracer';

export { traceFileName } from '../../../shared/trace/trace-file-name';

/** Seconds of context kept on each side of the run in an export: the frames before and after it. */
export const EXPORT_MARGIN_MS = 2000;

/**
 * What a recorder holds that overlaps [fromMs, toMs], without copying the rest of the ring first
 * (a whole snapshot after a long session is a large copy, and garbage the next run would pay for).
 */
export function windowSnapshot(recorder: TraceRecorder, fromMs: number, toMs: number): TraceSnapshot {
  const records: TraceRecord[] = [];
  recorder.forEach((r) => {
    if (recordEndMs(r) >= fromMs && recordStartMs(r) <= toMs) records.push(r);
  });
  return { tracks: [...recorder.trackList()], records, dropped: recorder.dropped };
}

/** The run and its margins, as a Chrome trace (shared/trace/chrome-trace.ts). */
export function runTrace(snapshot: TraceSnapshot, run: TracedRun): ChromeTrace {
  const from = run.startMs - EXPORT_MARGIN_MS;
  const to = run.endMs + EXPORT_MARGIN_MS;
  const records = snapshot.records.filter((r) => recordEndMs(r) >= from && recordStartMs(r) <= to);
  return toChromeTrace(
    { ...snapshot, records },
    {
      place: run.place,
      workload: run.workload,
      status: run.status,
      worst_gap_ms: Math.round(run.worstGapMs * 10) / 10,
    },
  );
}
