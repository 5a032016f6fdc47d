import { describe, expect, it } from 'vitest';
import type { PaneResult } from '../compare/compare-protocol';
import { compareRecords } from './compare-record';
import { recordedRunSchema } from './recorded-run';

const result = (over: Partial<PaneResult> = {}): PaneResult => ({
  status: 'done',
  startedAt: 1_700_000_000_000,
  wallMs: 1170.44,
  worstGapMs: 1165.2,
  framesOver50: 1,
  inputDelayP95Ms: null,
  mainStallMs: null,
  ...over,
});

describe('compareRecords', () => {
  const [left, right] = compareRecords({
    places: { left: 'renderer-main', right: 'web-worker' },
    workload: 'mandelbrot',
    sizeSeconds: 1,
    results: {
      left: result(),
      right: result({ wallMs: 1490, worstGapMs: 17, framesOver50: 0, inputDelayP95Ms: 12.34 }),
    },
    at: '2026-01-31T10:30:00.000Z',
  });

  it('makes one valid session entry per pane, left first', () => {
    expect(left && recordedRunSchema.parse(left)).toEqual(left);
    expect(right && recordedRunSchema.parse(right)).toEqual(right);
    expect(left).toMatchObject({
      source: 'compare',
      title: 'Compare, left pane: Mandelbrot on Page main thread',
      place: 'renderer-main',
      sizeSeconds: 1,
      headline: { text: 'Frozen 1.17 s', good: false },
      asExpected: true,
      figures: { wall_ms: 1170.4, worst_gap_ms: 1165.2, frames_over_50: 1 },
    });
    expect(left?.measured).toBe('Froze: worst frame gap 1.17 s, 1 frame over 50 ms.');
    expect(right).toMatchObject({
      place: 'web-worker',
      headline: { text: 'Worst gap 17 ms', good: true },
      asExpected: true,
    });
  });

  it('writes only the figures a pane measured', () => {
    expect(left?.figures).not.toHaveProperty('input_delay_p95_ms');
    expect(right?.figures['input_delay_p95_ms']).toBe(12.3);
    expect(right?.figures).not.toHaveProperty('main_stall_ms');
  });

  it('expects a Web Workers pane to keep drawing: a frozen one is not as expected', () => {
    const [, frozen] = compareRecords({
      places: { left: 'renderer-main', right: 'web-worker' },
      workload: 'primes',
      sizeSeconds: 1,
      results: { left: result(), right: result({ worstGapMs: 900 }) },
      at: '2026-01-31T10:30:00.000Z',
    });
    expect(frozen).toMatchObject({ asExpected: false, headline: { good: false } });
    const [failed] = compareRecords({
      places: { left: 'renderer-main', right: 'web-worker' },
      workload: 'primes',
      sizeSeconds: 1,
      results: { left: result({ status: 'failed', message: 'x'.repeat(2000) }), right: result() },
      at: '2026-01-31T10:30:00.000Z',
    });
    expect(failed && recordedRunSchema.parse(failed).headline).toEqual({ text: 'Failed', good: false });
  });
});
