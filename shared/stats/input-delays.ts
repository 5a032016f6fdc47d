/**
 * A short log of input delays: for each user input, the time from the moment it happened
 * (the event's timestamp) until the page's thread started handling it. During a freeze that
 * is how long a click or key press sat waiting.
 *
 * Two sources report the same input: Event Timing (exact, but only for events that took at
 * least 16 ms to reach the next paint) and a capture listener reading the event timestamp
 * (every input, in every browser). Records from both are merged by their start time, and the
 * Event Timing figure wins.
 */

export type InputDelaySource = 'event-timing' | 'event-timestamp';

export interface InputDelayRecord {
  /** When the input happened, on the performance.now() clock. */
  readonly startTime: number;
  readonly delayMs: number;
  readonly source: InputDelaySource;
}

/** Two reports this close in start time are the same input (they share the event timestamp). */
const SAME_INPUT_MS = 1;

export class InputDelayLog {
  readonly capacity: number;
  private readonly records: InputDelayRecord[] = [];

  constructor(capacity = 256) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`log capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  get length(): number {
    return this.records.length;
  }

  /** Adds or merges a report and returns the record now held for that input. */
  record(startTime: number, delayMs: number, source: InputDelaySource): InputDelayRecord {
    const incoming: InputDelayRecord = { startTime, delayMs: Math.max(0, delayMs), source };
    // Reports of one input arrive close together, so the match is near the end.
    for (let i = this.records.length - 1; i >= 0; i -= 1) {
      const held = this.records[i];
      if (held === undefined || Math.abs(held.startTime - startTime) > SAME_INPUT_MS) continue;
      if (held.source === 'event-timing' && source !== 'event-timing') return held;
      this.records[i] = incoming;
      return incoming;
    }
    this.records.push(incoming);
    if (this.records.length > this.capacity) this.records.shift();
    return incoming;
  }

  /** The input that happened most recently, if any. */
  latest(): InputDelayRecord | undefined {
    let newest: InputDelayRecord | undefined;
    for (const r of this.records) if (newest === undefined || r.startTime >= newest.startTime) newest = r;
    return newest;
  }

  /** Delays of the inputs that happened within [fromMs, toMs], in time order. */
  delaysBetween(fromMs: number, toMs: number): number[] {
    return this.records
      .filter((r) => r.startTime >= fromMs && r.startTime <= toMs)
      .sort((a, b) => a.startTime - b.startTime)
      .map((r) => r.delayMs);
  }

  clear(): void {
    this.records.length = 0;
  }
}
