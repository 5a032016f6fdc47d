import { describe, expect, it } from 'vitest';
import { copyFramesBetween, copyRecentFrames, countFramesSince, summarizeRecentFrames } from './recent-frames';
import { RingBuffer } from './ring-buffer';

/** Feeds frame timestamps into paired rings the way the frame meter does. */
function history(timestamps: readonly number[], capacity = 64): { times: RingBuffer; gaps: RingBuffer } {
  const times = new RingBuffer(capacity);
  const gaps = new RingBuffer(capacity);
  for (let i = 1; i < timestamps.length; i += 1) {
    const t = timestamps[i] ?? 0;
    times.push(t);
    gaps.push(t - (timestamps[i - 1] ?? 0));
  }
  return { times, gaps };
}

/** Paired rings from (time, gap) pairs as given, for a history whose gaps are not its steps. */
function pairs(frames: readonly [time: number, gap: number][], capacity = 16): { times: RingBuffer; gaps: RingBuffer } {
  const times = new RingBuffer(capacity);
  const gaps = new RingBuffer(capacity);
  for (const [t, g] of frames) {
    times.push(t);
    gaps.push(g);
  }
  return { times, gaps };
}

describe('summarizeRecentFrames', () => {
  it('reports ~60 fps and a small worst gap for smooth frames', () => {
    const stamps = Array.from({ length: 121 }, (_, i) => 1000 + (i * 1000) / 60);
    const { times, gaps } = history(stamps, 256);
    const now = stamps[stamps.length - 1] ?? 0;
    // 990 ms keeps the window edge off a frame time, away from float rounding.
    const recent = summarizeRecentFrames(times, gaps, now, 990);
    expect(recent.frames).toBe(60);
    expect(recent.fps).toBeCloseTo(60, 6);
    expect(recent.worstGapMs).toBeCloseTo(16.667, 2);
  });

  it('shows a freeze that ended inside the window in full', () => {
    const { times, gaps } = history([0, 16, 32, 1532, 1548, 1564]);
    const recent = summarizeRecentFrames(times, gaps, 1564, 1000);
    expect(recent.frames).toBe(3);
    expect(recent.worstGapMs).toBe(1500);
    expect(recent.fps).toBeCloseTo((3 * 1000) / 1532, 6);
  });

  it('gives zeros when nothing arrived in the window', () => {
    const { times, gaps } = history([0, 16, 32]);
    expect(summarizeRecentFrames(times, gaps, 5000, 1000)).toEqual({ frames: 0, fps: 0, worstGapMs: 0 });
    const empty = new RingBuffer(4);
    expect(summarizeRecentFrames(empty, new RingBuffer(4), 0, 1000).frames).toBe(0);
  });

  it('refuses rings that are out of step', () => {
    const times = new RingBuffer(4);
    times.push(1);
    expect(() => summarizeRecentFrames(times, new RingBuffer(4), 1, 1000)).toThrow(/out of step/);
  });
});

describe('countFramesSince and copyRecentFrames', () => {
  it('copies only the frames inside the window, oldest first', () => {
    const { times, gaps } = history([0, 10, 20, 30, 40, 50]);
    expect(countFramesSince(times, 25)).toBe(3);
    const t = new Float64Array(8);
    const g = new Float64Array(8);
    expect(copyRecentFrames(times, gaps, 50, 25, t, g)).toBe(3);
    expect(Array.from(t.subarray(0, 3))).toEqual([30, 40, 50]);
    expect(Array.from(g.subarray(0, 3))).toEqual([10, 10, 10]);
  });

  it('adds leading frames from before the window when asked', () => {
    const { times, gaps } = history([0, 10, 20, 30, 40, 50]);
    const t = new Float64Array(8);
    const g = new Float64Array(8);
    expect(copyRecentFrames(times, gaps, 50, 25, t, g, 1)).toBe(4);
    expect(Array.from(t.subarray(0, 4))).toEqual([20, 30, 40, 50]);
    // Never more than the ring holds.
    expect(copyRecentFrames(times, gaps, 50, 25, t, g, 10)).toBe(5);
  });

  it('is limited by the output size and the ring capacity', () => {
    const stamps = Array.from({ length: 20 }, (_, i) => i * 10);
    const { times, gaps } = history(stamps, 5);
    const t = new Float64Array(3);
    const g = new Float64Array(3);
    expect(copyRecentFrames(times, gaps, 190, 10_000, t, g)).toBe(3);
    expect(Array.from(t)).toEqual([170, 180, 190]);
    expect(countFramesSince(times, -1)).toBe(5);
  });
});

describe('copyFramesBetween', () => {
  const frames: [number, number][] = [
    [100, 16],
    [116, 16],
    [2900, 2784], // the freeze ends here
    [2916, 16],
    [2932, 16],
    [4000, 1068],
  ];

  it('copies the frames inside the window, oldest first, with one leading frame', () => {
    const { times, gaps } = pairs(frames);
    const t = new Float64Array(8);
    const g = new Float64Array(8);
    const n = copyFramesBetween(times, gaps, 120, 2950, t, g, 1);
    expect(n).toBe(4);
    expect([...t.subarray(0, n)]).toEqual([116, 2900, 2916, 2932]);
    expect([...g.subarray(0, n)]).toEqual([16, 2784, 16, 16]);
  });

  it('copies nothing when the window holds no frame and none came before it', () => {
    const { times, gaps } = pairs(frames);
    const t = new Float64Array(8);
    expect(copyFramesBetween(times, gaps, 5000, 6000, t, new Float64Array(8), 0)).toBe(0);
    expect(copyFramesBetween(times, gaps, 0, 50, t, new Float64Array(8), 3)).toBe(0);
  });

  it('stops at what the ring still holds and at the output size', () => {
    const { times, gaps } = pairs(frames, 4);
    const t = new Float64Array(8);
    expect(copyFramesBetween(times, gaps, 0, 10_000, t, new Float64Array(8), 5)).toBe(4);
    expect(copyFramesBetween(times, gaps, 0, 10_000, new Float64Array(2), new Float64Array(2))).toBe(2);
    expect(t[0]).toBe(2900);
  });
});
