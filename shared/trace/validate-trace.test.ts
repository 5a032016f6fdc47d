import { describe, expect, it } from 'vitest';
import { toChromeTrace, toMicros } from './chrome-trace';
import { sampleRun } from './fixtures/sample-trace';
import { findThread, longestFrameGapMs, slicesOf, uncoveredMs, validateTrace } from './validate-trace';

describe('validateTrace', () => {
  const valid = () =>
    JSON.parse(JSON.stringify(toChromeTrace(sampleRun().r.snapshot()))) as { traceEvents: Record<string, unknown>[] };
  const problemsOf = (data: unknown) => {
    const v = validateTrace(data);
    return v.ok ? [] : v.problems;
  };

  it('refuses what is not a trace', () => {
    expect(problemsOf({ events: [] })).toEqual(['a trace is an array of events or { traceEvents: [...] }']);
    expect(problemsOf([{ ph: 'X', name: 'a', ts: 1, pid: 1 }])).toEqual(['event 0: tid must be an integer']);
  });

  it('finds a complete event without a duration, and a negative one', () => {
    const t = valid();
    const job = t.traceEvents.find((e) => e.name === 'job 1/1');
    if (!job) throw new Error('no job span');
    job.dur = -1;
    expect(problemsOf(t)).toEqual([expect.stringMatching(/complete event "job 1\/1" needs dur ≥ 0/)]);
    delete job.dur;
    expect(problemsOf(t)).toHaveLength(1);
  });

  it('finds a flow that never ends, and one that binds to no slice', () => {
    const t = valid();
    t.traceEvents = t.traceEvents.filter((e) => e.ph !== 'f');
    expect(problemsOf(t)).toEqual(['flow message:1 starts but never ends']);
    const u = valid();
    const s = u.traceEvents.find((e) => e.ph === 's');
    if (!s) throw new Error('no flow');
    s.ts = (s.ts as number) + 7;
    expect(problemsOf(u)).toEqual(['flow message:1 "s" binds to no slice at its ts']);
  });

  it('finds a thread without its name', () => {
    const t = valid();
    t.traceEvents = t.traceEvents.filter((e) => !(e.name === 'thread_name' && e.tid === 2));
    expect(problemsOf(t)).toEqual(['pid 1 tid 2 has no thread_name metadata']);
  });

  it('reads the run back: frame gaps, and how much of the run the jobs cover', () => {
    const { r, t0 } = sampleRun();
    const v = validateTrace(toChromeTrace(r.snapshot()));
    if (!v.ok) throw new Error(v.problems.join('; '));
    const page = findThread(v.events, 'Page (renderer)', 'Main thread');
    if (!page) throw new Error('no page thread');
    expect(longestFrameGapMs(v.events, page, toMicros(t0), toMicros(t0 + 100))).toBe(16);
    const [run] = slicesOf(v.events, 'run');
    if (!run) throw new Error('no run slice');
    expect(uncoveredMs(slicesOf(v.events, 'job'), run.ts, run.ts + (run.dur ?? 0))).toBeCloseTo(4, 6);
    expect(findThread(v.events, 'Page (renderer)', 'Web Worker 9')).toBeNull();
  });
});
