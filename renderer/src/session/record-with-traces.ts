import { messageOf } from '../../../shared/errors/message-of';
import type { RecordedRun } from '../../../shared/session/recorded-run';
import type { TraceSnapshot } from '../../../shared/trace/trace-records';
import { pageTrace } from '../timeline/page-trace';
import { tracedRunsSince, whenTraced, type TracedRun } from '../timeline/run-tracer';
import { EXPORT_MARGIN_MS, windowSnapshot } from '../timeline/trace-file';
import type { SessionStore } from './session-store';
import { traceAttachment } from './trace-attachment';

/** Where the traces come from: the page's recorder and tracer in the app; a test passes its own. */
export interface TraceSource {
  whenTraced(): Promise<void>;
  tracedRunsSince(sinceMs: number): readonly TracedRun[];
  /** The records overlapping [fromMs, toMs] (epoch ms). */
  snapshot(fromMs: number, toMs: number): TraceSnapshot;
}

const PAGE_TRACES: TraceSource = {
  whenTraced,
  tracedRunsSince,
  snapshot: (fromMs, toMs) => windowSnapshot(pageTrace, fromMs, toMs),
};

/** A record holds at most this many attachments (recorded-run.ts). */
const MAX_ATTACHMENTS = 20;

/**
 * Records a run with the traces of the runs behind it: every traced run that ended since the
 * session's previous record (a Playground run: its own; a workshop chapter: each of its runs).
 * Waits for the tracer first: in the desktop app a run's main-process lane comes a moment later.
 */
export async function recordWithTraces(
  store: Pick<SessionStore, 'record' | 'getSnapshot'>,
  record: RecordedRun,
  traces: TraceSource = PAGE_TRACES,
): Promise<void> {
  // A tracer that broke must not lose the run: it is then recorded with what traces there are.
  await traces
    .whenTraced()
    .catch((error: unknown) => console.warn(`Unfreeze: tracing the run failed: ${messageOf(error)}`));
  const previous = store.getSnapshot().runs.at(-1);
  const runs = traces.tracedRunsSince(previous ? Date.parse(previous.at) : -Infinity);
  if (runs.length === 0) return store.record(record);
  const snapshot = traces.snapshot(
    Math.min(...runs.map((r) => r.startMs)) - EXPORT_MARGIN_MS,
    Math.max(...runs.map((r) => r.endMs)) + EXPORT_MARGIN_MS,
  );
  const attachments = [...(record.attachments ?? []), ...runs.map((run) => traceAttachment(run, snapshot))];
  store.record({ ...record, attachments: attachments.slice(-MAX_ATTACHMENTS) });
}
