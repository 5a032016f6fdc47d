import { describe, expect, it } from 'vitest';
import { MAIN_PROCESS, MAIN_THREAD, PAGE_PROCESS } from './place-tracks';
import { TraceRecorder } from './trace-recorder';
import { mergeTraceWindow, traceWindow, traceWindowRequestSchema, traceWindowSchema } from './trace-window';

function mainRecorder() {
  const main = new TraceRecorder(100);
  const track = main.track(MAIN_PROCESS, MAIN_THREAD);
  main.span(track, 'IPC ping', 'ipc', 1000, 1001);
  main.counter(track, 'event-loop delay', 1500, 3);
  main.span(track, 'event-loop stall', 'stall', 1900, 2100, { late_ms: 200 });
  main.span(track, 'IPC task:start', 'ipc', 2500, 2502);
  return main;
}

describe('traceWindow', () => {
  it('picks records by when they ended, so windows that meet never hand one over twice', () => {
    const main = mainRecorder();
    const first = traceWindow(main.snapshot(), { fromMs: 0, toMs: 2000 });
    const second = traceWindow(main.snapshot(), { fromMs: 2000, toMs: 3000 });
    expect(first.records.map((r) => r.name)).toEqual(['IPC ping', 'event-loop delay']);
    // The stall began before 2000 but ended after: it belongs to the second window only.
    expect(second.records.map((r) => r.name)).toEqual(['event-loop stall', 'IPC task:start']);
    expect(traceWindowSchema.parse(first)).toEqual(first);
  });

  it('caps an answer and says it did', () => {
    const w = traceWindow(mainRecorder().snapshot(), { fromMs: 0, toMs: 3000 }, 2);
    expect(w.records).toHaveLength(2);
    expect(w.truncated).toBe(true);
  });

  it('merges into the page’s recorder on tracks of the same names, beside the page’s own', () => {
    const page = new TraceRecorder(100);
    page.track(PAGE_PROCESS, MAIN_THREAD);
    const added = mergeTraceWindow(page, traceWindow(mainRecorder().snapshot(), { fromMs: 0, toMs: 3000 }));
    expect(added).toBe(4);
    const { tracks, records } = page.snapshot();
    expect(tracks.map((t) => [t.process, t.pid])).toEqual([
      [PAGE_PROCESS, 1],
      [MAIN_PROCESS, 2],
    ]);
    expect(records.every((r) => r.kind !== 'flow' && r.track === 1)).toBe(true);
  });
});

describe('the schemas', () => {
  it('refuse a backwards or too long window, naming the field', () => {
    expect(traceWindowRequestSchema.safeParse({ fromMs: 10, toMs: 5 }).error?.message).toMatch(/toMs must be/);
    expect(traceWindowRequestSchema.safeParse({ fromMs: 0, toMs: 11 * 60_000 }).success).toBe(false);
    expect(traceWindowRequestSchema.safeParse({ fromMs: 0, toMs: Number.NaN }).error?.message).toMatch(/toMs/);
  });

  it('refuse an answer whose record names a track that is not there', () => {
    const bad = {
      tracks: [],
      records: [{ kind: 'counter', track: 0, name: 'x', atMs: 1, value: 1 }],
      truncated: false,
    };
    expect(traceWindowSchema.safeParse(bad).error?.message).toMatch(/track not listed/);
  });
});
