/**
 * What a trace holds, place-neutral. Times are epoch milliseconds (trace-clock.ts).
 * A *track* is one thread of one process: the page's main thread, a Web Worker, Node's main
 * thread, a worker thread, a utility process. Records name their track by index.
 */

export interface TrackInfo {
  /** The process as a person names it: "Page (renderer)", "Electron main process", "Utility process 2". */
  readonly process: string;
  /** The thread inside it: "Main thread", "Web Worker 3". */
  readonly thread: string;
  /** Stable small numbers for the export (Chrome's format wants integers). */
  readonly pid: number;
  readonly tid: number;
  /** Worker lane for the colour of its spans; null for a main thread. */
  readonly lane: number | null;
}

export type Args = Readonly<Record<string, string | number | boolean>>;

export interface SpanRecord {
  readonly kind: 'span';
  readonly track: number;
  /** What ran: "tile", "job 2/4", "run renderer-main", "long animation frame", "IPC task:start". */
  readonly name: string;
  /** A small category: 'job', 'chunk', 'run', 'loaf', 'ipc', 'stall'. */
  readonly cat: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly args?: Args;
}

export interface InstantRecord {
  readonly kind: 'instant';
  readonly track: number;
  readonly name: string;
  /** 'frame' (an animation frame), 'input' (an input event; args.delayMs). */
  readonly cat: string;
  readonly atMs: number;
  readonly args?: Args;
}

export interface CounterRecord {
  readonly kind: 'counter';
  readonly track: number;
  /** "frame gap (ms)", "event-loop delay (ms)". */
  readonly name: string;
  readonly atMs: number;
  readonly value: number;
}

/** One message between two tracks, recorded when it arrived (so both ends are known). */
export interface FlowRecord {
  readonly kind: 'flow';
  readonly id: number;
  readonly name: string;
  readonly fromTrack: number;
  readonly sentMs: number;
  readonly toTrack: number;
  readonly receivedMs: number;
  /** Payload size in bytes, when the sender could tell (buffers moved or copied). */
  readonly bytes?: number;
}

export type TraceRecord = SpanRecord | InstantRecord | CounterRecord | FlowRecord;

/** A copy of everything a recorder holds, for drawing and export. */
export interface TraceSnapshot {
  readonly tracks: readonly TrackInfo[];
  /** Oldest first. */
  readonly records: readonly TraceRecord[];
  /** Records overwritten because the ring was full (0 for any run of 60 s or less). */
  readonly dropped: number;
}

/** When a record starts, for sorting and windowing. */
export function recordStartMs(r: TraceRecord): number {
  switch (r.kind) {
    case 'span':
      return r.startMs;
    case 'flow':
      return r.sentMs;
    default:
      return r.atMs;
  }
}

/** When a record ends (its start for instants and counters). */
export function recordEndMs(r: TraceRecord): number {
  switch (r.kind) {
    case 'span':
      return r.endMs;
    case 'flow':
      return r.receivedMs;
    default:
      return r.atMs;
  }
}
