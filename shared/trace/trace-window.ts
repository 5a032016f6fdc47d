import { z } from 'zod';
import { recordEndMs, type TraceRecord, type TraceSnapshot } from './trace-records';
import type { TraceRecorder } from './trace-recorder';

/**
 * The main process's records for a time window, as the page fetches them over `trace:window`
 * (ARCHITECTURE.md, "The timeline"): the main thread's IPC spans, event-loop stalls and delay
 * counter. Records are picked by when they *ended*, in [fromMs, toMs): a record is complete only
 * once it has ended, and two windows that meet never hand over the same record twice.
 */

/** The longest window one call may ask for: a 60 s run and its margins, with room to spare. */
export const MAX_WINDOW_MS = 10 * 60_000;
/** At most this many records per answer (the oldest are kept; `truncated` says so). */
export const MAX_WINDOW_RECORDS = 20_000;

const epochMs = (field: string) =>
  z.number({ error: `${field} must be a number (epoch milliseconds)` }).finite({ error: `${field} must be finite` });

export const traceWindowRequestSchema = z
  .strictObject({ fromMs: epochMs('fromMs'), toMs: epochMs('toMs') })
  .refine((w) => w.toMs >= w.fromMs && w.toMs - w.fromMs <= MAX_WINDOW_MS, {
    error: `toMs must be from fromMs to fromMs + ${MAX_WINDOW_MS} (at most ${MAX_WINDOW_MS / 60_000} minutes)`,
  });
export type TraceWindowRequest = z.output<typeof traceWindowRequestSchema>;

const name = z.string().min(1).max(120);
const trackIndex = z.int().nonnegative();
const args = z.record(z.string().max(60), z.union([z.string().max(200), z.number(), z.boolean()]));

const windowRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('span'),
    track: trackIndex,
    name,
    cat: name,
    startMs: epochMs('startMs'),
    endMs: epochMs('endMs'),
    args: args.optional(),
  }),
  z.strictObject({
    kind: z.literal('instant'),
    track: trackIndex,
    name,
    cat: name,
    atMs: epochMs('atMs'),
    args: args.optional(),
  }),
  z.strictObject({ kind: z.literal('counter'), track: trackIndex, name, atMs: epochMs('atMs'), value: z.number() }),
]);
type WindowRecord = z.output<typeof windowRecordSchema>;

export const traceWindowSchema = z
  .strictObject({
    tracks: z.array(z.strictObject({ process: name, thread: name, lane: z.int().nonnegative().nullable() })).max(64),
    records: z.array(windowRecordSchema).max(MAX_WINDOW_RECORDS),
    /** More records ended in the window than one answer carries. */
    truncated: z.boolean(),
  })
  .refine((w) => w.records.every((r) => r.track < w.tracks.length), { error: 'a record names a track not listed' });
export type TraceWindow = z.output<typeof traceWindowSchema>;

function isWindowRecord(r: TraceRecord): r is Extract<TraceRecord, WindowRecord> {
  return r.kind !== 'flow';
}

/** The records of `snapshot` that ended in [fromMs, toMs), at most `max` of them. */
export function traceWindow(
  snapshot: TraceSnapshot,
  { fromMs, toMs }: TraceWindowRequest,
  max = MAX_WINDOW_RECORDS,
): TraceWindow {
  const inside = snapshot.records.filter((r) => {
    const end = recordEndMs(r);
    return isWindowRecord(r) && end >= fromMs && end < toMs;
  }) as WindowRecord[];
  return {
    tracks: snapshot.tracks.map(({ process, thread, lane }) => ({ process, thread, lane })),
    records: inside.slice(0, max),
    truncated: inside.length > max,
  };
}

/** Adds another process's window to a recorder, on tracks of the same names. Returns how many records. */
export function mergeTraceWindow(recorder: TraceRecorder, window: TraceWindow): number {
  const tracks = window.tracks.map((t) => recorder.track(t.process, t.thread, t.lane));
  for (const r of window.records) {
    const track = tracks[r.track] ?? 0;
    if (r.kind === 'span') recorder.span(track, r.name, r.cat, r.startMs, r.endMs, r.args);
    else if (r.kind === 'instant') recorder.instant(track, r.name, r.cat, r.atMs, r.args);
    else recorder.counter(track, r.name, r.atMs, r.value);
  }
  return window.records.length;
}
