import { describe, expect, it } from 'vitest';
import type { Place } from '../../../shared/places';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { playgroundRecord } from './playground-record';

const frames = (worstGapMs: number): RunResponsiveness => ({
  durationMs: 1000,
  worstGapMs,
  framesOver50: worstGapMs > 50 ? 1 : 0,
  frames: 30,
  longAnimationFrames: null,
  inputDelay: { count: 0, p95Ms: 0, maxMs: 0 },
});
const at = '2026-01-31T10:00:00.000Z';

/** A finished one-second Mandelbrot on `place`; tests override what they are about. */
const record = (place: Place, overrides: Partial<Parameters<typeof playgroundRecord>[0]> = {}) =>
  playgroundRecord({
    place,
    workload: 'mandelbrot',
    status: 'done',
    elapsedMs: 1000,
    responsiveness: frames(990),
    at,
    ...overrides,
  });

describe('playgroundRecord', () => {
  it('expects a freeze on the page’s main thread, and none in Web Workers', () => {
    expect(record('renderer-main').asExpected).toBe(true);
    expect(record('web-worker').asExpected).toBe(false);
    const ok = record('web-worker', { workload: 'primes', elapsedMs: 1234.56, responsiveness: frames(17) });
    expect(ok).toMatchObject({
      source: 'playground',
      title: 'Playground: Prime counting on Web Workers',
      asExpected: true,
      figures: { wall_ms: 1234.6, worst_gap_ms: 17 },
    });
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
  });
});
