import { describe, expect, it } from 'vitest';
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

describe('playgroundRecord', () => {
  it('expects a freeze on the page’s main thread, and none in Web Workers', () => {
    expect(
      playgroundRecord({
        place: 'renderer-main',
        workload: 'mandelbrot',
        status: 'done',
        elapsedMs: 1000,
        responsiveness: frames(990),
        at,
      }).asExpected,
    ).toBe(true);
    expect(
      playgroundRecord({
        place: 'web-worker',
        workload: 'mandelbrot',
        status: 'done',
        elapsedMs: 1000,
        responsiveness: frames(990),
        at,
      }).asExpected,
    ).toBe(false);
    const ok = playgroundRecord({
      place: 'web-worker',
      workload: 'primes',
      status: 'done',
      elapsedMs: 1234.56,
      responsiveness: frames(17),
      at,
    });
    expect(ok).toMatchObject({
      source: 'playground',
      title: 'Playground: Prime counting on Web Workers',
      asExpected: true,
      figures: { wall_ms: 1234.6, worst_gap_ms: 17 },
    });
  });

  it('says when a run did not finish', () => {
    const r = playgroundRecord({
      place: 'web-worker',
      workload: 'primes',
      status: 'cancelled',
      elapsedMs: 300,
      responsiveness: frames(17),
      at,
    });
    expect(r.measured).toBe('The run was cancelled after 300 ms.');
    expect(r.asExpected).toBe(false);
  });
});
