import { describe, expect, it } from 'vitest';
import { recordedRunSchema } from '../../../shared/session/recorded-run';
import { sampleRun } from '../../../shared/session/sample-runs';
import { MAIN_THREAD, PAGE_PROCESS } from '../../../shared/trace/place-tracks';
import { TraceRecorder } from '../../../shared/trace/trace-recorder';
import { validateTrace } from '../../../shared/trace/validate-trace';
import type { TracedRun } from '../timeline/run-tracer';
import { traceAttachment } from './trace-attachment';

const run: TracedRun = {
  place: 'web-worker',
  workload: 'mandelbrot',
  startMs: 10_000,
  endMs: 11_000,
  status: 'done',
  worstGapMs: 17,
};

function recorder(frames: number) {
  const r = new TraceRecorder(10_000);
  const page = r.track(PAGE_PROCESS, MAIN_THREAD);
  for (let i = 0; i < frames; i++) r.instant(page, 'frame', 'frame', 9_000 + i * 16.7);
  r.span(page, 'run web-worker · mandelbrot', 'run', run.startMs, run.endMs);
  return r;
}

describe('traceAttachment', () => {
  it('carries the run’s Chrome trace, valid, and a record holding it passes the session schema', () => {
    const attachment = traceAttachment(run, recorder(180).snapshot());
    expect(attachment.kind).toBe('chrome-trace');
    expect(attachment.label).toMatch(/^Chrome trace of the web-worker run \(mandelbrot\)/);
    const checked = validateTrace(attachment.data);
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(checked.events.filter((e) => e.ph === 'i').length).toBe(180);
    const record = sampleRun({ attachments: [attachment] });
    expect(recordedRunSchema.parse(record)).toEqual(record);
  });

  it('leaves a trace over the cap out, and says so with its size', () => {
    const attachment = traceAttachment(run, recorder(500).snapshot(), 5_000);
    expect(attachment.label).toMatch(/left out: \d+ characters, over the 5000 a session keeps; use Export trace$/);
    expect(attachment.data).toEqual({ left_out_chars: expect.any(Number) as number });
    expect((attachment.data as { left_out_chars: number }).left_out_chars).toBeGreaterThan(5_000);
  });
});
