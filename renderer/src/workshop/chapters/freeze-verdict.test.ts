import { describe, expect, it } from 'vitest';
import type { RunResponsiveness } from '../../../../shared/stats/run-responsiveness';
import { FREEZE_EXPECTATION, FREEZE_EXPECTED_TEXT, freezeOutcome } from './freeze-verdict';

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

describe('FREEZE_EXPECTED_TEXT', () => {
  it('states the thresholds the verdict uses', () => {
    expect(FREEZE_EXPECTED_TEXT).toContain(`${FREEZE_EXPECTATION.backgroundWorstGapMs} ms`);
    const justUnder = FREEZE_EXPECTATION.backgroundWorstGapMs - 1;
    const justOver = FREEZE_EXPECTATION.backgroundWorstGapMs + 1;
    const main = run(2000, 1990, 1);
    expect(freezeOutcome({ main, background: run(2000, justUnder, 2), backgroundLabel: 'W' }).asExpected).toBe(true);
    expect(freezeOutcome({ main, background: run(2000, justOver, 2), backgroundLabel: 'W' }).asExpected).toBe(false);
  });
});
