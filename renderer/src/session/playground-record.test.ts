import { describe, expect, it } from 'vitest';
import type { Place } from '../../../shared/places';
import { recordedRunSchema } from '../../../shared/session/recorded-run';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { playgroundRecord } from './playground-record';

const frames = (worstGapMs: number, count = 30): RunResponsiveness => ({
  durationMs: 1000,
  worstGapMs,
  framesOver50: worstGapMs > 50 ? 1 : 0,
  frames: count,
  longAnimationFrames: null,
  inputDelay: { count: 0, p95Ms: 0, maxMs: 0 },
});
const at = '2026-01-31T10:00:00.000Z';

/** A finished one-second Mandelbrot on `place`; tests override what they are about. */
const record = (place: Place, overrides: Partial<Parameters<typeof playgroundRecord>[0]> = {}) =>
  playgroundRecord({
    place,
    workload: 'mandelbrot',
    sizeSeconds: 1,
    status: 'done',
    elapsedMs: 1000,
    responsiveness: frames(990),
    at,
    ...overrides,
  });

describe('playgroundRecord', () => {
  it('expects a freeze on the page’s main thread, and none in Web Workers', () => {
    expect(record('renderer-main').asExpected).toBe(true);
    expect(record('renderer-main').headline).toEqual({ text: 'Frozen 990 ms', good: false });
    expect(record('web-worker').asExpected).toBe(false);
    const ok = record('web-worker', { workload: 'primes', elapsedMs: 1234.56, responsiveness: frames(17) });
    expect(ok).toMatchObject({
      source: 'playground',
      title: 'Playground: Prime counting on Web Workers',
      asExpected: true,
      headline: { text: 'Worst gap 17 ms', good: true },
      place: 'web-worker',
      workload: 'primes',
      sizeSeconds: 1,
      figures: { wall_ms: 1234.6, worst_gap_ms: 17 },
    });
    // What the Playground records is what the stored session accepts back after a reload.
    expect(recordedRunSchema.parse(ok)).toEqual(ok);
  });

  it('says when a run did not finish', () => {
    const r = record('web-worker', {
      workload: 'primes',
      status: 'cancelled',
      elapsedMs: 300,
      responsiveness: frames(17),
    });
    expect(r.measured).toBe('The run was cancelled after 300 ms.');
    expect(r.asExpected).toBe(false);
    expect(r.headline).toEqual({ text: 'Cancelled', good: false });
  });

  it('does not call a run without frames responsive', () => {
    const r = record('web-worker', { responsiveness: frames(0, 0) });
    expect(r.asExpected).toBe(false);
    expect(r.headline).toEqual({ text: 'No frames drawn', good: false });
  });
});
