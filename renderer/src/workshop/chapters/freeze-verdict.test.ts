import { describe, expect, it } from 'vitest';
import type { RunResponsiveness } from '../../../../shared/stats/run-responsiveness';
import { freezeOutcome } from './freeze-verdict';

const run = (durationMs: number, worstGapMs: number, framesOver50: number): RunResponsiveness => ({
  durationMs,
  worstGapMs,
  framesOver50,
  frames: 10,
  longAnimationFrames: null,
  inputDelay: { count: 0, p95Ms: 0, maxMs: 0 },
});

describe('freezeOutcome', () => {
  it('is as expected when the main thread froze and the workers did not', () => {
    const o = freezeOutcome({ main: run(1000, 980, 1), background: run(1100, 25, 0), backgroundLabel: 'Web Workers' });
    expect(o.asExpected).toBe(true);
    expect(o.measured).toBe(
      'Main thread: the page froze for 980 ms of a 1.00 s run (1 frame over 50 ms). Web Workers: worst frame gap 25 ms in 1.10 s.',
    );
    expect(o.figures).toMatchObject({ main_worst_gap_ms: 980, background_worst_gap_ms: 25, main_frames_over_50: 1 });
  });

  it('is not as expected when the background run stuttered as badly', () => {
    expect(
      freezeOutcome({ main: run(1000, 980, 1), background: run(1000, 400, 3), backgroundLabel: 'Web Workers' })
        .asExpected,
    ).toBe(false);
  });

  it('is not as expected when the main-thread run did not freeze the page', () => {
    expect(
      freezeOutcome({ main: run(1000, 40, 0), background: run(1000, 20, 0), backgroundLabel: 'Web Workers' })
        .asExpected,
    ).toBe(false);
  });
});
