import type { Args, TraceRecord, TraceSnapshot, TrackInfo } from './trace-records';

/**
 * Sized for a 60 s run anywhere with nothing lost: the page at 240 Hz records a frame instant
 * and a gap counter per frame (28,800), eight workers each send ~30 messages a second, each with a
 * flow and a few chunk spans (≈ 8 × 30 × 60 × 4 = 57,600), plus runs, long frames, input and jobs.
 * The recorder's test fills exactly that and checks nothing was dropped. About 100 bytes a record.
 */
export const DEFAULT_TRACE_CAPACITY = 120_000;

/** Far more tracks than any run uses (8 workers + a page + main side); a bug, not data, past it. */
const MAX_TRACKS = 64;

/**
 * A bounded recorder of spans, instants, counters and flows on one clock (trace-clock.ts).
 * A ring: once full, the oldest records are overwritten and counted in `dropped`. Recording does
 * not walk, sort or copy anything: it stores one small object. `snapshot()` copies, oldest first.
 * Pure: each place owns one recorder and feeds it from its own observers.
 */
export class TraceRecorder {
  readonly capacity: number;
  private readonly ring: (TraceRecord | undefined)[];
  private next = 0;
  private size = 0;
  private droppedCount = 0;
  private readonly tracks: TrackInfo[] = [];
  private readonly trackIndex = new Map<string, number>();
  private readonly pids = new Map<string, number>();
  private nextFlowId = 1;
  /** Bumped on every record: a drawing can tell whether anything changed since its last frame. */
  version = 0;

  constructor(capacity = DEFAULT_TRACE_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`trace capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.ring = new Array<TraceRecord | undefined>(capacity);
  }

  /** The index of a track, made on first use. Processes get pids 1, 2, …; threads tids in order. */
  track(process: string, thread: string, lane: number | null = null): number {
    const key = `${process}\u0000${thread}`;
    const known = this.trackIndex.get(key);
    if (known !== undefined) return known;
    if (this.tracks.length >= MAX_TRACKS) throw new RangeError(`a trace holds at most ${MAX_TRACKS} tracks`);
    let pid = this.pids.get(process);
    if (pid === undefined) {
      pid = this.pids.size + 1;
      this.pids.set(process, pid);
    }
    const tid = this.tracks.filter((t) => t.pid === pid).length + 1;
    this.tracks.push({ process, thread, pid, tid, lane });
    this.trackIndex.set(key, this.tracks.length - 1);
    return this.tracks.length - 1;
  }

  span(track: number, name: string, cat: string, startMs: number, endMs: number, args?: Args): void {
    // A clock read on two sides of a message can be a hair apart; a span never runs backwards.
    this.push({ kind: 'span', track, name, cat, startMs, endMs: Math.max(startMs, endMs), ...(args ? { args } : {}) });
  }

  instant(track: number, name: string, cat: string, atMs: number, args?: Args): void {
    this.push({ kind: 'instant', track, name, cat, atMs, ...(args ? { args } : {}) });
  }

  counter(track: number, name: string, atMs: number, value: number): void {
    this.push({ kind: 'counter', track, name, atMs, value });
  }

  flow(name: string, fromTrack: number, sentMs: number, toTrack: number, receivedMs: number, bytes?: number): void {
    const id = this.nextFlowId++;
    this.push({
      kind: 'flow',
      id,
      name,
      fromTrack,
      sentMs,
      toTrack,
      receivedMs: Math.max(sentMs, receivedMs),
      ...(bytes === undefined ? {} : { bytes }),
    });
  }

  get length(): number {
    return this.size;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  /** Calls `visit` for every held record, oldest first, without copying (for drawing). */
  forEach(visit: (record: TraceRecord) => void): void {
    const oldest = this.size === this.capacity ? this.next : 0;
    for (let i = 0; i < this.size; i++) {
      const at = oldest + i;
      const r = this.ring[at >= this.capacity ? at - this.capacity : at];
      if (r) visit(r);
    }
  }

  trackList(): readonly TrackInfo[] {
    return this.tracks;
  }

  snapshot(): TraceSnapshot {
    const records: TraceRecord[] = [];
    this.forEach((r) => records.push(r));
    return { tracks: [...this.tracks], records, dropped: this.droppedCount };
  }

  /** Forgets the records (the tracks stay: their ids are held by whoever records). */
  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
    this.droppedCount = 0;
    this.version++;
  }

  private push(record: TraceRecord): void {
    if (this.size === this.capacity) this.droppedCount++;
    else this.size++;
    this.ring[this.next] = record;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    this.version++;
  }
}
