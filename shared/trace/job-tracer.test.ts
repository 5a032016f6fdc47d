import { describe, expect, it } from 'vitest';
import { bufferBytes, JobTracer } from './job-tracer';
import { MAX_WIRE_SPANS, wireTraceSchema } from './wire-trace';

function steppingClock(start: number, step: number) {
  let t = start - step;
  return () => (t += step);
}

describe('JobTracer', () => {
  it('makes one span per chunk, back to back, and the job span on finish', () => {
    const tracer = new JobTracer(steppingClock(1000, 5)); // starts at 1000
    tracer.chunk(); // 1005
    tracer.chunk(); // 1010
    const progress = tracer.take(128); // sent 1015
    expect(progress).toEqual({
      sentMs: 1015,
      bytes: 128,
      spans: [
        { name: 'chunk', startMs: 1000, endMs: 1005 },
        { name: 'chunk', startMs: 1005, endMs: 1010 },
      ],
    });
    const result = tracer.finish('job 1/2'); // 1020
    expect(result).toEqual({ sentMs: 1020, spans: [{ name: 'job 1/2', startMs: 1000, endMs: 1020 }] });
    expect(wireTraceSchema.safeParse(progress).success).toBe(true);
    expect(wireTraceSchema.safeParse(result).success).toBe(true);
  });

  it('says "work" for a message without chunks, so a busy worker looks busy', () => {
    const tracer = new JobTracer(steppingClock(0, 10));
    expect(tracer.take(0).spans).toEqual([{ name: 'work', startMs: 0, endMs: 10 }]);
    expect(tracer.take(0).spans).toEqual([{ name: 'work', startMs: 10, endMs: 20 }]);
  });

  it('never puts more spans on a message than the schema allows', () => {
    const tracer = new JobTracer(steppingClock(0, 1));
    for (let i = 0; i < MAX_WIRE_SPANS + 10; i++) tracer.chunk();
    const first = tracer.take(0);
    expect(first.spans).toHaveLength(MAX_WIRE_SPANS);
    expect(tracer.take(0).spans).toHaveLength(10);
    for (let i = 0; i < MAX_WIRE_SPANS * 2; i++) tracer.chunk();
    const result = tracer.finish('job 1/1');
    expect(result.spans.map((s) => s.name)).toEqual([`chunks ×${MAX_WIRE_SPANS * 2}`, 'job 1/1']);
    expect(wireTraceSchema.safeParse(result).success).toBe(true);
  });

  it('adds up the bytes of the buffers a message moves', () => {
    expect(bufferBytes([new ArrayBuffer(10), new ArrayBuffer(32)])).toBe(42);
  });
});

describe('wireTraceSchema', () => {
  it('names the field of a bad span', () => {
    const backwards = wireTraceSchema.safeParse({ sentMs: 1, spans: [{ name: 'x', startMs: 5, endMs: 4 }] });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.message).toMatch(/must not end before it starts/);
    const nan = wireTraceSchema.safeParse({ sentMs: Number.NaN, spans: [] });
    expect(nan.error?.issues[0]?.path).toEqual(['sentMs']);
    const extra = wireTraceSchema.safeParse({ sentMs: 1, spans: [], evil: true });
    expect(extra.success).toBe(false);
  });
});
