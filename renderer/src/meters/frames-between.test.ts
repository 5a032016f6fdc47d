import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../shared/stats/ring-buffer';
import { copyFramesBetween } from './frames-between';

function history(frames: readonly [time: number, gap: number][], capacity = 16) {
  const times = new RingBuffer(capacity);
  const gaps = new RingBuffer(capacity);
  for (const [t, g] of frames) {
    times.push(t);
    gaps.push(g);
  }
  return { times, gaps };
}

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
    const { times, gaps } = history(frames);
    const t = new Float64Array(8);
    const g = new Float64Array(8);
    const n = copyFramesBetween(times, gaps, 120, 2950, t, g, 1);
    expect(n).toBe(4);
    expect([...t.subarray(0, n)]).toEqual([116, 2900, 2916, 2932]);
    expect([...g.subarray(0, n)]).toEqual([16, 2784, 16, 16]);
  });

  it('copies nothing when the window holds no frame and none came before it', () => {
    const { times, gaps } = history(frames);
    const t = new Float64Array(8);
    expect(copyFramesBetween(times, gaps, 5000, 6000, t, new Float64Array(8), 0)).toBe(0);
    expect(copyFramesBetween(times, gaps, 0, 50, t, new Float64Array(8), 3)).toBe(0);
  });

  it('stops at what the ring still holds and at the output size', () => {
    const { times, gaps } = history(frames, 4);
    const t = new Float64Array(8);
    expect(copyFramesBetween(times, gaps, 0, 10_000, t, new Float64Array(8), 5)).toBe(4);
    expect(copyFramesBetween(times, gaps, 0, 10_000, new Float64Array(2), new Float64Array(2))).toBe(2);
    expect(t[0]).toBe(2900);
  });
});
