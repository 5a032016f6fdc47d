import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../../shared/trace/trace-records';
import { createMainTrace, type MainTrace } from './main-trace';

const spans = (t: MainTrace, cat: string) =>
  t.recorder.snapshot().records.filter((r): r is SpanRecord => r.kind === 'span' && r.cat === cat);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let trace: MainTrace | null = null;
afterEach(() => trace?.stop());

describe('the main process recorder', () => {
  it('records a blocked event loop as one stall as long as the block', async () => {
    trace = createMainTrace({ intervalMs: 10, stallMs: 50 });
    await sleep(40);
    const end = performance.now() + 300;
    while (performance.now() < end) {
      // Block this thread, as a main-process task does.
    }
    await sleep(40);
    const stalls = spans(trace, 'stall');
    expect(stalls).toHaveLength(1);
    const ms = (stalls[0]?.endMs ?? 0) - (stalls[0]?.startMs ?? 0);
    expect(ms).toBeGreaterThan(250);
    expect(ms).toBeLessThan(600);
    expect(trace.recorder.snapshot().records.some((r) => r.kind === 'counter' && r.value > 250)).toBe(true);
  });

  it('records each handled request as a span, also when it throws', async () => {
    trace = createMainTrace();
    const ok = trace.traceHandler('app:info', async (x: number) => {
      await sleep(20);
      return x * 2;
    });
    const bad = trace.traceHandler('task:start', () => {
      throw new Error('refused');
    });
    expect(await ok(21)).toBe(42);
    await expect(bad()).rejects.toThrow('refused');
    const ipc = spans(trace, 'ipc');
    expect(ipc.map((s) => s.name)).toEqual(['IPC app:info', 'IPC task:start']);
    expect((ipc[0]?.endMs ?? 0) - (ipc[0]?.startMs ?? 0)).toBeGreaterThanOrEqual(15);
  });
});
