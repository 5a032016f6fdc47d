import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACE_CAPACITY, TraceRecorder } from './trace-recorder';

describe('TraceRecorder', () => {
  it('gives each process a pid and each of its threads a tid, once', () => {
    const r = new TraceRecorder(10);
    const main = r.track('Page', 'Main thread');
    const w1 = r.track('Page', 'Web Worker 1', 0);
    const other = r.track('Electron main process', 'Main thread');
    expect(r.track('Page', 'Web Worker 1', 0)).toBe(w1);
    expect(r.trackList()).toEqual([
      { process: 'Page', thread: 'Main thread', pid: 1, tid: 1, lane: null },
      { process: 'Page', thread: 'Web Worker 1', pid: 1, tid: 2, lane: 0 },
      { process: 'Electron main process', thread: 'Main thread', pid: 2, tid: 1, lane: null },
    ]);
    expect([main, w1, other]).toEqual([0, 1, 2]);
  });

  it('keeps the newest records once full, oldest first, and counts what it dropped', () => {
    const r = new TraceRecorder(3);
    const t = r.track('P', 'T');
    for (let i = 0; i < 5; i++) r.instant(t, `f${i}`, 'frame', i);
    const snap = r.snapshot();
    expect(snap.records.map((x) => (x.kind === 'instant' ? x.name : ''))).toEqual(['f2', 'f3', 'f4']);
    expect(snap.dropped).toBe(2);
    expect(r.length).toBe(3);
    r.clear();
    expect(r.snapshot().records).toEqual([]);
    expect(r.dropped).toBe(0);
  });

  it('never stores a span or a message that runs backwards (two clocks a hair apart)', () => {
    const r = new TraceRecorder(4);
    const a = r.track('P', 'A');
    const b = r.track('P', 'B');
    r.span(a, 'job', 'job', 10, 9.999);
    r.flow('progress', b, 20, a, 19.998, 64);
    const [span, flow] = r.snapshot().records;
    expect(span).toMatchObject({ startMs: 10, endMs: 10 });
    expect(flow).toMatchObject({ sentMs: 20, receivedMs: 20, bytes: 64, id: 1 });
  });

  it('holds a 60 s run at 240 Hz with eight busy workers without dropping anything', () => {
    const r = new TraceRecorder();
    const page = r.track('Page', 'Main thread');
    const workers = Array.from({ length: 8 }, (_, i) => r.track('Page', `Web Worker ${i + 1}`, i));
    const frameMs = 1000 / 240;
    for (let t = 0; t < 60_000; t += frameMs) {
      r.instant(page, 'frame', 'frame', t);
      r.counter(page, 'frame gap', t, frameMs);
    }
    // ~30 messages a second per worker, each with a flow and two chunk spans, and one job span.
    for (const w of workers) {
      for (let t = 0; t < 60_000; t += 33) {
        r.span(w, 'chunk', 'chunk', t, t + 16);
        r.span(w, 'chunk', 'chunk', t + 16, t + 33);
        r.flow('progress', w, t + 33, page, t + 34, 4096);
      }
      r.span(w, 'job 1/8', 'job', 0, 60_000);
    }
    r.span(page, 'run web-worker', 'run', 0, 60_000);
    expect(r.dropped).toBe(0);
    expect(r.length).toBeLessThan(DEFAULT_TRACE_CAPACITY);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => new TraceRecorder(0)).toThrow(/positive integer, got 0/);
    expect(() => new TraceRecorder(1.5)).toThrow(/positive integer/);
  });
});
