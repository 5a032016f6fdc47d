import { describe, expect, it } from 'vitest';
import { summarizeLongFrames, type LongFrameRecord } from './long-animation-frames';

const frames: LongFrameRecord[] = [
  { startTime: 100, durationMs: 60, blockingDurationMs: 10 },
  { startTime: 990, durationMs: 2030, blockingDurationMs: 1975 },
  { startTime: 3100, durationMs: 80, blockingDurationMs: 30 },
  { startTime: 9000, durationMs: 55, blockingDurationMs: 5 },
];

describe('summarizeLongFrames', () => {
  it('counts frames overlapping the window, including one that began just before it', () => {
    expect(summarizeLongFrames(frames, 1000, 4000)).toEqual({
      count: 2,
      worstMs: 2030,
      totalBlockingMs: 2005,
    });
  });

  it('gives zeros when none overlap', () => {
    expect(summarizeLongFrames(frames, 200, 900)).toEqual({ count: 0, worstMs: 0, totalBlockingMs: 0 });
    expect(summarizeLongFrames([], 0, 1e9)).toEqual({ count: 0, worstMs: 0, totalBlockingMs: 0 });
  });

  it('includes frames touching the window edges', () => {
    expect(summarizeLongFrames(frames, 160, 9000).count).toBe(4);
  });
});
