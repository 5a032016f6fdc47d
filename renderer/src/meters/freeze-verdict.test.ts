import { describe, expect, it } from 'vitest';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { freezeSentence } from './freeze-sentence';
import { freezeVerdict } from './freeze-verdict';

function run(overrides: Partial<RunResponsiveness>): RunResponsiveness {
  return {
    durationMs: 2800,
    worstGapMs: 17,
    framesOver50: 0,
    frames: 170,
    longAnimationFrames: null,
    inputDelay: { count: 0, p95Ms: 0, maxMs: 0 },
    ...overrides,
  };
}

describe('freezeVerdict', () => {
  it('puts a freeze in seconds, red', () => {
    const frozen = run({ worstGapMs: 2812, framesOver50: 1, frames: 3 });
    expect(freezeVerdict(frozen)).toEqual({
      tone: 'frozen',
      label: 'Frozen',
      figure: '2.81 s',
      short: 'frozen 2.81 s',
    });
    // The headline and the sentence under it carry the same number.
    expect(freezeSentence(frozen)).toContain('2.81 s');
  });

  it('gives the worst gap when the page kept drawing', () => {
    expect(freezeVerdict(run({ worstGapMs: 16.6 }))).toMatchObject({ tone: 'smooth', short: 'worst gap 17 ms' });
    expect(freezeVerdict(run({ worstGapMs: 80, framesOver50: 2 })).tone).toBe('stutter');
    expect(freezeVerdict(run({ worstGapMs: 100 })).tone).toBe('stutter');
    expect(freezeVerdict(run({ worstGapMs: 101 })).tone).toBe('frozen');
  });

  it('claims nothing without frames', () => {
    expect(freezeVerdict(run({ frames: 0, worstGapMs: 0 })).tone).toBe('unmeasured');
  });
});
