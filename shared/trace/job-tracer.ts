import type { TraceClock } from './trace-clock';
import { MAX_WIRE_SPANS, type WireSpan, type WireTrace } from './wire-trace';

/**
 * A worker's side of the timeline: the spans of one job, handed out a message at a time.
 * Every chunk (a Mandelbrot tile, a hashed block, a file) is a span from the end of the previous
 * one; a message with no chunk carries one "work" span since the previous message, so a worker
 * that is busy shows busy on the timeline while it runs; the result carries the whole job's span.
 * Costs one clock read and one small object per chunk.
 */
export class JobTracer {
  private readonly startMs: number;
  private mark: number;
  private pending: WireSpan[] = [];

  constructor(private readonly clock: TraceClock) {
    this.startMs = clock();
    this.mark = this.startMs;
  }

  /** A chunk just finished. */
  chunk(): void {
    const now = this.clock();
    this.pending.push({ name: 'chunk', startMs: this.mark, endMs: now });
    this.mark = now;
  }

  /** The trace field of a progress message about to be posted. */
  take(bytes: number): WireTrace {
    const now = this.clock();
    if (this.pending.length === 0) {
      this.pending.push({ name: 'work', startMs: this.mark, endMs: now });
      this.mark = now;
    }
    // More than fit on one message (tiny chunks): the rest ride on the next one.
    const spans = this.pending.slice(0, MAX_WIRE_SPANS);
    this.pending = this.pending.slice(MAX_WIRE_SPANS);
    return { sentMs: now, bytes, spans };
  }

  /** The trace field of the result: what is left, and the job from its first slice to now. */
  finish(jobName: string): WireTrace {
    const now = this.clock();
    let rest = this.pending;
    if (rest.length >= MAX_WIRE_SPANS) {
      const first = rest[0]?.startMs ?? this.mark;
      rest = [{ name: `chunks ×${rest.length}`, startMs: first, endMs: rest[rest.length - 1]?.endMs ?? now }];
    }
    this.pending = [];
    return { sentMs: now, spans: [...rest, { name: jobName, startMs: this.startMs, endMs: now }] };
  }
}

/** Bytes of the buffers a message moves: the payload size on a flow arrow. */
export function bufferBytes(buffers: readonly ArrayBuffer[]): number {
  let total = 0;
  for (const b of buffers) total += b.byteLength;
  return total;
}
