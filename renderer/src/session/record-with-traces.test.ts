import { describe, expect, it } from 'vitest';
import { sampleRun } from '../../../shared/session/sample-runs';
import { MAIN_THREAD, PAGE_PROCESS } from '../../../shared/trace/place-tracks';
import { TraceRecorder } from '../../../shared/trace/trace-recorder';
import type { TracedRun } from '../timeline/run-tracer';
import { recordWithTraces, type TraceSource } from './record-with-traces';
import { SessionStore } from './session-store';

const at = (iso: string) => Date.parse(iso);
const traced = (place: TracedRun['place'], endIso: string): TracedRun => ({
  place,
  workload: 'mandelbrot',
  startMs: at(endIso) - 1000,
  endMs: at(endIso),
  status: 'done',
  worstGapMs: 20,
});

function source(runs: TracedRun[]): TraceSource & { waited: number } {
  const recorder = new TraceRecorder(100);
  const page = recorder.track(PAGE_PROCESS, MAIN_THREAD);
  for (const r of runs) recorder.span(page, `run ${r.place}`, 'run', r.startMs, r.endMs);
  const s = {
    waited: 0,
    whenTraced: () => {
      s.waited++;
      return Promise.resolve();
    },
    tracedRunsSince: (sinceMs: number) => runs.filter((r) => r.endMs > sinceMs),
    snapshot: () => recorder.snapshot(),
  };
  return s;
}

describe('recordWithTraces', () => {
  it('attaches the traces of the runs since the previous record, after waiting for the tracer', async () => {
    const store = new SessionStore(null);
    store.record(sampleRun({ at: '2026-01-31T10:00:00.000Z' }));
    const traces = source([
      traced('renderer-main', '2026-01-31T09:59:59.000Z'),
      traced('renderer-main', '2026-01-31T10:00:05.000Z'),
      traced('web-worker', '2026-01-31T10:00:07.000Z'),
    ]);
    await recordWithTraces(store, sampleRun({ at: '2026-01-31T10:00:08.000Z' }), traces);
    expect(traces.waited).toBe(1);
    const latest = store.getSnapshot().runs.at(-1);
    // The first run belongs to the previous record; the chapter's two runs come with this one.
    expect(latest?.attachments?.map((a) => a.label.split(':')[0])).toEqual([
      'Chrome trace of the renderer-main run (mandelbrot)',
      'Chrome trace of the web-worker run (mandelbrot)',
    ]);
  });

  it('records the run as it is when no traced run is new', async () => {
    const store = new SessionStore(null);
    const record = sampleRun();
    await recordWithTraces(store, record, source([]));
    expect(store.getSnapshot().runs).toEqual([record]);
  });
});
