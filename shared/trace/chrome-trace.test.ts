import { describe, expect, it } from 'vitest';
import { toChromeTrace, toMicros } from './chrome-trace';
import { TraceRecorder } from './trace-recorder';
import { sampleRun } from './fixtures/sample-trace';
import { validateTrace } from './validate-trace';

describe('toChromeTrace', () => {
  it('writes names, complete events, instants, counters and paired flows in microseconds', () => {
    const { r, t0 } = sampleRun();
    const trace = toChromeTrace(r.snapshot(), { place: 'web-worker' });
    const events = trace.traceEvents;
    expect(events.filter((e) => e.ph === 'M' && e.name === 'process_name')).toEqual([
      { name: 'process_name', ph: 'M', ts: 0, pid: 1, tid: 0, args: { name: 'Page (renderer)' } },
    ]);
    expect(events.filter((e) => e.name === 'thread_name').map((e) => e.args?.name)).toEqual([
      'Main thread',
      'Web Worker 1',
    ]);
    expect(events.find((e) => e.name === 'job 1/1')).toMatchObject({
      ph: 'X',
      ts: toMicros(t0 + 2),
      dur: 96_000,
      tid: 2,
    });
    expect(events.find((e) => e.ph === 'C')).toMatchObject({ name: 'frame gap', args: { ms: 16 } });
    expect(events.find((e) => e.cat === 'input')).toMatchObject({ ph: 'i', s: 't', args: { delayMs: 3 } });
    const s = events.find((e) => e.ph === 's');
    const f = events.find((e) => e.ph === 'f');
    expect(s).toMatchObject({ id: 1, pid: 1, tid: 2, ts: toMicros(t0 + 50) });
    expect(f).toMatchObject({ id: 1, pid: 1, tid: 1, ts: toMicros(t0 + 51.5), bp: 'e' });
    expect(events.find((e) => e.name === 'receive progress')?.args).toEqual({ latency_ms: 1.5, bytes: 1024 });
    expect(trace.otherData).toMatchObject({ producer: 'Unfreeze', place: 'web-worker', dropped: 0 });
    expect(validateTrace(JSON.parse(JSON.stringify(trace)))).toMatchObject({ ok: true });
  });

  it('names only the threads a record uses', () => {
    const r = new TraceRecorder();
    r.track('Page (renderer)', 'Web Worker 7', 6);
    const main = r.track('Page (renderer)', 'Main thread');
    r.instant(main, 'frame', 'frame', 1);
    const names = toChromeTrace(r.snapshot()).traceEvents.filter((e) => e.name === 'thread_name');
    expect(names.map((e) => e.args?.name)).toEqual(['Main thread']);
  });
});
