import { describe, expect, it } from 'vitest';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { freezeSentence } from './freeze-sentence';

function run(overrides: Partial<RunResponsiveness>): RunResponsiveness {
  return {
    durationMs: 3010,
    worstGapMs: 17,
    framesOver50: 0,
    frames: 180,
    longAnimationFrames: null,
    inputDelay: { count: 0, p95Ms: 0, maxMs: 0 },
    ...overrides,
  };
}

describe('freezeSentence', () => {
  it('says the page froze, with the worst gap, for a blocking run', () => {
    expect(freezeSentence(run({ worstGapMs: 2970, framesOver50: 1, frames: 4 }))).toBe(
      'The page was frozen for 2.97 s (worst frame gap) during a 3.01 s run.',
    );
  });

  it('says the page stayed responsive when no gap passed 50 ms', () => {
    expect(freezeSentence(run({ worstGapMs: 16.9 }))).toBe(
      'The page stayed responsive: worst frame gap 17 ms during a 3.01 s run.',
    );
  });

  it('calls gaps between 50 and 100 ms a stutter, with the count', () => {
    expect(freezeSentence(run({ worstGapMs: 84, framesOver50: 3 }))).toBe(
      'The page stuttered: worst frame gap 84 ms, 3 frames over 50 ms, during a 3.01 s run.',
    );
    expect(freezeSentence(run({ worstGapMs: 51, framesOver50: 1 }))).toContain('1 frame over 50 ms');
  });

  it('does not claim anything when no frame was drawn', () => {
    expect(freezeSentence(run({ frames: 0, worstGapMs: 0 }))).toMatch(/^No frames were drawn/);
  });
});
