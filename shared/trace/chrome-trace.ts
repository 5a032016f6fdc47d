import type { TraceRecord, TraceSnapshot, TrackInfo } from './trace-records';

/**
 * The Chrome Trace Event Format (the JSON that Perfetto UI and DevTools' Performance panel load):
 * `{ traceEvents: [...] }`, times in microseconds. What each record becomes:
 * - a track → `ph: 'M'` metadata: `process_name` per pid, `thread_name` per pid/tid;
 * - a span → a complete event, `ph: 'X'` with `dur`;
 * - an instant (a frame, an input) → `ph: 'i'`, thread-scoped (`s: 't'`);
 * - a counter (frame gap, event-loop delay) → `ph: 'C'`, one series named by its unit;
 * - a message → a 1 µs "send" slice on the sender and a "receive" slice on the receiver, joined
 *   by a flow: `ph: 's'` and `ph: 'f'` with one `id`, `bp: 'e'` (bind to the enclosing slice).
 *   Each flow event has the same pid, tid, ts and cat as its slice: that is how DevTools binds
 *   a flow to a slice, and Perfetto's importer takes the enclosing slice.
 */

export interface ChromeTraceEvent {
  readonly name: string;
  readonly ph: 'M' | 'X' | 'i' | 'C' | 's' | 'f';
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly cat?: string;
  readonly dur?: number;
  readonly id?: number;
  readonly bp?: 'e';
  readonly s?: 't';
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface ChromeTrace {
  readonly traceEvents: readonly ChromeTraceEvent[];
  readonly displayTimeUnit: 'ms';
  /** Free-form, ignored by the tools: what made this file. */
  readonly otherData: Readonly<Record<string, string | number>>;
}

/** The slice a message's flow binds to on each side. */
export const MESSAGE_SLICE_US = 1;

/** Epoch milliseconds → the format's microseconds, one rounding for every event (flows bind by equal ts). */
export function toMicros(ms: number): number {
  return Math.round(ms * 1000);
}

export function toChromeTrace(
  snapshot: TraceSnapshot,
  otherData: Readonly<Record<string, string | number>> = {},
): ChromeTrace {
  const events: ChromeTraceEvent[] = [];
  const used = usedTracks(snapshot);
  const processes = new Set<number>();
  for (const t of snapshot.tracks) {
    if (!used.has(t.pid * 1000 + t.tid)) continue;
    if (!processes.has(t.pid)) {
      processes.add(t.pid);
      events.push({ name: 'process_name', ph: 'M', ts: 0, pid: t.pid, tid: 0, args: { name: t.process } });
      events.push({ name: 'process_sort_index', ph: 'M', ts: 0, pid: t.pid, tid: 0, args: { sort_index: t.pid } });
    }
    events.push({ name: 'thread_name', ph: 'M', ts: 0, pid: t.pid, tid: t.tid, args: { name: t.thread } });
    events.push({ name: 'thread_sort_index', ph: 'M', ts: 0, pid: t.pid, tid: t.tid, args: { sort_index: t.tid } });
  }
  for (const r of snapshot.records) {
    for (const e of eventsOf(r, snapshot.tracks)) events.push(e);
  }
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: { producer: 'Unfreeze', clock: 'epoch microseconds', dropped: snapshot.dropped, ...otherData },
  };
}

function usedTracks(snapshot: TraceSnapshot): Set<number> {
  const used = new Set<number>();
  const add = (track: number) => {
    const t = snapshot.tracks[track];
    if (t) used.add(t.pid * 1000 + t.tid);
  };
  for (const r of snapshot.records) {
    if (r.kind === 'flow') {
      add(r.fromTrack);
      add(r.toTrack);
    } else add(r.track);
  }
  return used;
}

function where(tracks: readonly TrackInfo[], track: number): { pid: number; tid: number } {
  const t = tracks[track];
  // Records name tracks the same recorder made; an unknown index would be a recorder bug.
  if (!t) throw new RangeError(`trace record names track ${track}, which the recorder never made`);
  return { pid: t.pid, tid: t.tid };
}

function eventsOf(r: TraceRecord, tracks: readonly TrackInfo[]): ChromeTraceEvent[] {
  switch (r.kind) {
    case 'span': {
      const ts = toMicros(r.startMs);
      const dur = Math.max(0, toMicros(r.endMs) - ts);
      return [
        { name: r.name, cat: r.cat, ph: 'X', ts, dur, ...where(tracks, r.track), ...(r.args ? { args: r.args } : {}) },
      ];
    }
    case 'instant':
      return [
        {
          name: r.name,
          cat: r.cat,
          ph: 'i',
          s: 't',
          ts: toMicros(r.atMs),
          ...where(tracks, r.track),
          ...(r.args ? { args: r.args } : {}),
        },
      ];
    case 'counter':
      return [
        { name: r.name, ph: 'C', ts: toMicros(r.atMs), ...where(tracks, r.track), args: { ms: round3(r.value) } },
      ];
    case 'flow': {
      const from = where(tracks, r.fromTrack);
      const to = where(tracks, r.toTrack);
      const sent = toMicros(r.sentMs);
      const received = toMicros(r.receivedMs);
      const args = {
        latency_ms: round3(r.receivedMs - r.sentMs),
        ...(r.bytes === undefined ? {} : { bytes: r.bytes }),
      };
      const cat = 'message';
      return [
        { name: `send ${r.name}`, cat, ph: 'X', ts: sent, dur: MESSAGE_SLICE_US, ...from, args },
        { name: r.name, cat, ph: 's', id: r.id, ts: sent, ...from },
        { name: `receive ${r.name}`, cat, ph: 'X', ts: received, dur: MESSAGE_SLICE_US, ...to, args },
        { name: r.name, cat, ph: 'f', bp: 'e', id: r.id, ts: received, ...to },
      ];
    }
  }
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
