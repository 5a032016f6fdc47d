import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../../../shared/trace/trace-recorder';
import { validateTrace } from '../../../shared/trace/validate-trace';
import { EXPORT_MARGIN_MS, runTrace, traceFileName, windowSnapshot } from './trace-file';

describe('trace file', () => {
  it('is named unfreeze-trace-<place>-<time>.json', () => {
    expect(traceFileName('web-worker', new Date(2026, 11, 1, 9, 5, 7))).toBe(
      'unfreeze-trace-web-worker-20261201-090507.json',
    );
  });

  it('holds the run and its margins, and passes the validator', () => {
    const r = new TraceRecorder();
    const page = r.track('Page (renderer)', 'Main thread');
    for (let t = 0; t < 20_000; t += 100) r.instant(page, 'frame', 'frame', t);
    r.span(page, 'run web-worker · primes', 'run', 10_000, 11_000);
    const run = {
      place: 'web-worker',
      workload: 'primes',
      startMs: 10_000,
      endMs: 11_000,
      status: 'done',
      worstGapMs: 100,
    } as const;
    const trace = runTrace(r.snapshot(), run);
    const frames = trace.traceEvents.filter((e) => e.ph === 'i');
    expect(frames[0]?.ts).toBe((10_000 - EXPORT_MARGIN_MS) * 1000);
    expect(frames.at(-1)?.ts).toBe((11_000 + EXPORT_MARGIN_MS) * 1000);
    expect(trace.otherData).toMatchObject({ place: 'web-worker', workload: 'primes', worst_gap_ms: 100 });
    expect(validateTrace(trace).ok).toBe(true);
  });
});

describe('windowSnapshot', () => {
  it('keeps what overlaps the window, tracks and drop count included, and nothing else', () => {
    const recorder = new TraceRecorder(3);
    const track = recorder.track('Page (renderer)', 'Main thread');
    recorder.span(track, 'before', 'chunk', 0, 5);
    recorder.span(track, 'across', 'chunk', 8, 12);
    recorder.instant(track, 'frame', 'frame', 20);
    recorder.instant(track, 'frame', 'frame', 40);
    const w = windowSnapshot(recorder, 10, 30);
    expect(w.records.map((r) => r.name)).toEqual(['across', 'frame']);
    expect(w.tracks).toEqual(recorder.trackList());
    expect(w.dropped).toBe(1);
  });
});
