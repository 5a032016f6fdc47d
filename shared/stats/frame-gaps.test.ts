import { describe, expect, it } from 'vitest';
import { FrameGapTally, JANK_THRESHOLD_MS, gapsFromTimestamps, summarizeFrameGaps } from './frame-gaps';

/** Timestamps of `count` frames at 60 Hz starting at `start`. */
function smoothFrames(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + (i * 1000) / 60);
}

describe('gapsFromTimestamps', () => {
  it('gives n - 1 gaps', () => {
    expect(gapsFromTimestamps([0, 16, 33, 133])).toEqual([16, 17, 100]);
    expect(gapsFromTimestamps([5])).toEqual([]);
    expect(gapsFromTimestamps([])).toEqual([]);
  });
});

describe('summarizeFrameGaps', () => {
  it('reports a smooth 60 Hz second as responsive', () => {
    const summary = summarizeFrameGaps(gapsFromTimestamps(smoothFrames(0, 61)));
    expect(summary.frames).toBe(60);
    expect(summary.worstGapMs).toBeCloseTo(16.667, 2);
    expect(summary.framesOver).toBe(0);
    expect(summary.frozenMs).toBe(0);
    expect(summary.totalMs).toBeCloseTo(1000, 6);
    expect(summary.thresholdMs).toBe(JANK_THRESHOLD_MS);
  });

  it('shows a 2 s block as one long gap that counts as frozen time', () => {
    const before = smoothFrames(0, 30);
    const lastBefore = before[before.length - 1] ?? 0;
    const after = smoothFrames(lastBefore + 2000, 30);
    const summary = summarizeFrameGaps(gapsFromTimestamps([...before, ...after]));
    expect(summary.frames).toBe(59);
    expect(summary.worstGapMs).toBeCloseTo(2000, 6);
    expect(summary.framesOver).toBe(1);
    expect(summary.frozenMs).toBeCloseTo(2000, 6);
  });

  it('counts only gaps strictly over the threshold', () => {
    const summary = summarizeFrameGaps([50, 50.5, 10, 120]);
    expect(summary.framesOver).toBe(2);
    expect(summary.frozenMs).toBeCloseTo(170.5, 6);
    expect(summary.worstGapMs).toBe(120);
    expect(summary.totalMs).toBeCloseTo(230.5, 6);
  });

  it('accepts a custom threshold', () => {
    const summary = summarizeFrameGaps([10, 20, 30], 15);
    expect(summary.framesOver).toBe(2);
    expect(summary.frozenMs).toBe(50);
  });

  it('gives zeros for no gaps', () => {
    expect(summarizeFrameGaps([])).toEqual({
      frames: 0,
      worstGapMs: 0,
      framesOver: 0,
      frozenMs: 0,
      totalMs: 0,
      thresholdMs: JANK_THRESHOLD_MS,
    });
  });
});

describe('FrameGapTally', () => {
  it('accumulates one gap at a time and resets', () => {
    const tally = new FrameGapTally();
    tally.add(16);
    tally.add(300);
    tally.add(17);
    expect(tally.summary()).toMatchObject({ frames: 3, worstGapMs: 300, framesOver: 1, frozenMs: 300 });
    tally.reset();
    expect(tally.summary()).toMatchObject({ frames: 0, worstGapMs: 0, framesOver: 0, frozenMs: 0, totalMs: 0 });
  });

  it('ignores negative and non-finite gaps', () => {
    const tally = new FrameGapTally();
    tally.add(-5);
    tally.add(Number.NaN);
    tally.add(Number.POSITIVE_INFINITY);
    tally.add(20);
    expect(tally.summary()).toMatchObject({ frames: 1, worstGapMs: 20, totalMs: 20 });
  });
});
