import { describe, expect, it } from 'vitest';
import { summarizeFrameGaps } from './frame-gaps';
import { buildRunResponsiveness } from './run-responsiveness';

describe('buildRunResponsiveness', () => {
  it('combines frame gaps, long frames and input delays', () => {
    const result = buildRunResponsiveness({
      durationMs: 3010,
      gaps: summarizeFrameGaps([16.7, 2970, 16.6, 16.8]),
      longFrames: { count: 1, worstMs: 2975, totalBlockingMs: 2925 },
      inputDelaysMs: [1800, 2, 950],
    });
    expect(result).toEqual({
      durationMs: 3010,
      worstGapMs: 2970,
      framesOver50: 1,
      frames: 4,
      longAnimationFrames: { count: 1, worstMs: 2975, totalBlockingMs: 2925 },
      inputDelay: { count: 3, p95Ms: 1800, maxMs: 1800 },
    });
  });

  it('keeps null for an unsupported Long Animation Frames API and zeros for no input', () => {
    const result = buildRunResponsiveness({
      durationMs: 500,
      gaps: summarizeFrameGaps([16, 17]),
      longFrames: null,
      inputDelaysMs: [],
    });
    expect(result.longAnimationFrames).toBeNull();
    expect(result.inputDelay).toEqual({ count: 0, p95Ms: 0, maxMs: 0 });
    expect(result.framesOver50).toBe(0);
  });

  it('never reports a negative duration', () => {
    const result = buildRunResponsiveness({
      durationMs: -1,
      gaps: summarizeFrameGaps([]),
      longFrames: null,
      inputDelaysMs: [],
    });
    expect(result.durationMs).toBe(0);
  });
});
